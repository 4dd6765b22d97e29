"""Polish question phrases → the English cues the planner's rules read (see the package docstring)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # how many
    "ile": "how many", "liczba": "number of", "i ile ich jest": "and how many is that",
    "ile ich jest": "how many is that", "ile projektów": "how many projects",
    # calls, funding
    "nabory": "calls", "naborów": "calls", "naborze": "call", "nabór": "call", "konkursy": "calls",
    "konkursów": "calls", "konkurs": "call", "wezwania": "calls", "dofinansowanie": "funding",
    "finansowanie": "funding", "dotacje": "grants", "granty": "grants", "w programie": "in the programme",
    "programie": "programme", "program": "programme", "projektów": "projects", "projekty": "projects",
    "wnioski": "proposals", "wniosek": "proposal",
    # status
    "otwarte": "open", "otwartych": "open", "otwarty": "open", "otwarta": "open",
    "jest teraz otwartych": "are open now",
    "są otwarte": "are open", "jeszcze otwartych": "still open", "teraz": "now", "obecnie": "currently",
    "aktualnie": "currently", "w tej chwili": "at the moment", "zostanie wkrótce otwartych": "will open soon",
    "wkrótce": "soon", "zapowiedzianych": "upcoming", "zapowiedziane": "upcoming",
    "jeszcze się nie otworzyło": "not yet open", "jeszcze nie otwarte": "not yet open",
    "otwierają się": "open", "otworzy się": "opens", "zamknięte": "closed",
    "czy możemy jeszcze złożyć wniosek": "can we still apply", "złożyć wniosek": "apply",
    "aplikować": "apply", "ubiegać się": "apply",
    "projekt": "project",
    "działają": "are there", "działa": "is there", "istnieją": "are there",
    # first / last / next
    "zamyka się najwcześniej": "closes first", "kończy się pierwszy": "closes first",
    "najbliższy termin": "the next deadline", "jako następny": "next",
    "otworzy się jako następny": "opens next",
    "terminem": "deadline", "termin": "deadline", "terminy": "deadlines", "zamykają się": "close",
    "zamyka się": "closes", "kończą się": "close", "kończy się": "closes", "zamknęły się": "closed",
    # budgets
    "największy budżet": "the largest budget", "najwięcej pieniędzy": "the most money",
    "na projekt": "per project",
    "jaki jest budżet": "what is the budget", "budżet": "budget", "sfinansowanych": "funded",
    "najmniejszy budżet": "the smallest budget",
    # follow-ups
    "który z nich": "which of them", "które z nich": "which of them", "z nich": "of them",
    "tylko te": "only those",
    "ten drugi": "the second one", "drugiego": "of the second one", "drugi": "the second one",
    "pierwszy z nich": "the first one", "ostatni": "the last one", "porównaj": "compare",
    # definitions
    "czym jest": "what is", "co to jest": "what is", "różnica między": "difference between",
    # partners, home and target
    "partnerów": "partners", "partnerami": "partners", "partnerzy": "partners",
    "organizacje klastrowe": "cluster organisations", "organizacji klastrowych": "cluster organisations",
    "klastry": "clusters", "klastrów": "clusters", "klastrami": "clusters", "klaster": "cluster",
    "jakie klastry": "which clusters", "współpracować": "collaborate", "współpraca": "collaboration",
    "jesteśmy": "we are a", "nasza firma ma siedzibę": "our company is based", "ma siedzibę": "is based",
    "ma siedzibę w": "is based in", "ma siedzibę we": "is based in",
    "z siedzibą": "based", "szukamy": "looking for", "znajdź": "find", "mśp": "sme", "firmą": "company",
    "firma": "company", "z firmą": "with a company", "z partnerami": "with partners",
    "moglibyśmy": "could we",
    # question words and glue
    "czy są": "are there", "które": "which", "który": "which", "jakie": "which", "jaki jest": "what is",
    "jaki": "which", "pokaż": "show", "dla": "for", "proszę": "please", "jeszcze": "still",
    # actions
    "czy możesz": "can you", "możesz": "can you", "umówić": "arrange", "spotkanie": "a meeting",
    "wyślij": "send", "wysłać": "send", "maila": "an email", "zarejestruj": "register", "zapłać": "pay",
    "za nas": "for us", "złóż": "submit",
    # outside
    "pogoda": "weather", "przepis na": "recipe for", "piłka nożna": "football", "kto wygrał": "who won",
    # function words, read as the English ones the rules skip (so they never become a topic)
    "w": "in", "na": "on", "od": "from", "są": "are", "jest": "is", "oraz": "and", "lub": "or", "albo": "or",
    "się": "", "czy": "", "jakimś": "any", "jakiś": "any", "jakieś": "any", "wszystkie": "all",
    "kiedy": "when",
    "gdzie": "where", "nasza": "our", "nasz": "our", "nasze": "our",
    "a w": "and in", "a we": "and in", "a jak jest w": "what about in", "a jak jest we": "what about in",
    "a który": "and which", "a które": "and which", "a co z": "what about",
    # superlatives and order, as members write them (second round)
    "najszybciej": "soonest", "najwcześniej": "soonest", "najpóźniej": "last", "najwyższy": "highest",
    "najwyższe": "highest", "najwyższa": "highest", "najwyższy budżet": "the largest budget",
    "największe": "largest", "największa": "largest",
    "najwięcej środków": "the largest budget", "najwięcej": "the most money",
    "na jeden projekt": "per project", "najpóźniejszy termin": "latest deadline",
    "najbliższy termin składania wniosków": "the next deadline",
    "najwcześniejszy termin": "earliest deadline",
    "kiedy rusza następny": "when opens next the", "kiedy ruszy następny": "when opens next the",
    "następny": "next", "następna": "next", "następne": "next", "rusza": "opens", "ruszają": "open",
    "ruszy": "opens", "w którym": "in which", "którym": "which", "można dostać": "one gets", "daje": "gives",
    "jako pierwszy": "first", "jako pierwsza": "first", "kończy się jako pierwszy": "closes first",
    "z tych naborów": "of them", "z tych": "of them", "ile ich zostało": "how many is that",
    "ile zostało": "how many is that", "wypisz": "list", "trwa": "is open", "trwają": "are open",
    "a co w": "what about in", "a co we": "what about in", "a co na": "what about in",
    # home, target, partners
    "prowadzimy": "we are a", "firmę": "company", "rozwinąć działalność": "expand", "chcemy": "we want",
    "tam": "there", "nasza firma jest": "our company is", "klastrem": "cluster", "firmami": "companies",
    "konsorcjum": "consortium", "tworzymy": "we are building", "w ramach programu": "under the programme",
    "w ramach": "under", "na wspólny projekt": "for a project together",
    "wspólny projekt": "project together",
    "warto się skontaktować": "to contact", "skontaktować": "contact", "możemy się zgłosić": "can we apply",
    "zgłosić": "apply", "nasze mśp": "our sme",
    # actions
    "zarezerwuj": "book", "zgłoś": "submit",
    "najkrótszy termin": "earliest deadline", "jako ostatni": "last", "jako ostatnia": "last",
    "najdalszy termin": "latest deadline", "otwiera się": "opens", "otwierają się jako": "open",
    "kiedy otwiera się następny": "when opens next the", "kiedy otworzy się następny": "when opens next the",
    # where the asker is from, and the market they aim at ("z" + genitive is "from", + instrumental "with")
    "rynek": "market", "na rynek": "into the market", "wejść": "enter", "firma z": "company from",
    "firmą z": "company from", "mśp z": "sme from", "jesteśmy z": "we are from",
    "pochodzimy z": "we come from",
    "jako firma z": "as a company from", "jako": "as", "działamy w": "we are based in",
    "działamy we": "we are based in", "działamy na": "we are based in", "działamy": "we operate",
    "i szukamy": "and looking for", "i chcemy": "and we want", "mamy siedzibę w": "we are based in",
    "mamy siedzibę we": "we are based in", "mamy siedzibę na": "we are based in", "znaleźć": "find",
    "projektu": "project", "dla projektu": "for a project",
    "trzeci": "the third one", "trzecia": "the third one", "trzecie": "the third one",
    "czwarty": "the fourth one",
    "czwarta": "the fourth one", "piąty": "the fifth one", "piąta": "the fifth one",
    "a trzeci": "and the third one",
    "a trzecia": "and the third one", "a drugi": "and the second one", "a druga": "and the second one",
    "umów": "book", "umów nas": "book us", "zarezerwuj nam": "book us",
}  # fmt: skip
