"""German question phrases → the English cues the planner's rules read (see the package docstring)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # how many / counts
    "wie viele": "how many", "wieviele": "how many", "anzahl der": "number of", "anzahl an": "number of",
    "und wie viele sind das": "and how many is that", "wie viele sind das": "how many is that",
    "wie viele projekte": "how many projects", "wie viele vorhaben": "how many projects",
    # calls, funding, programmes
    "ausschreibungen": "calls", "ausschreibung": "call", "förderaufrufe": "calls", "förderaufruf": "call",
    "aufrufe": "calls", "förderausschreibungen": "calls", "förderung": "funding", "fördermittel": "funding",
    "fördergelder": "funding", "förderprogramm": "programme", "programm": "programme",
    "programms": "programme",
    "themen": "topics", "projekte": "projects", "anträge": "proposals", "antrag": "proposal",
    # status
    "offen": "open", "offene": "open", "offenen": "open", "offener": "open", "offenes": "open",
    "geöffnet": "open", "noch offen": "still open", "laufen aktuell noch": "are still open",
    "laufen noch": "are still open", "gerade offen": "open right now", "derzeit": "currently",
    "aktuell": "currently", "momentan": "currently", "im moment": "at the moment", "gerade": "right now",
    "jetzt": "now", "noch nicht geöffnet": "not yet open", "noch nicht offen": "not yet open",
    "kommen demnächst": "are upcoming", "demnächst": "upcoming", "geplante": "upcoming",
    "geplanten": "upcoming",
    "bevorstehende": "upcoming", "öffnen demnächst": "will open soon", "öffnen": "open", "öffnet": "opens",
    "geschlossen": "closed", "abgelaufen": "expired", "ausgelaufen": "expired",
    "können wir uns noch bewerben": "can we still apply",
    "können wir uns aktuell noch bewerben": "can we still apply",
    "noch bewerben": "still apply", "bewerben": "apply", "beantragen": "apply for", "einreichen": "apply to",
    "projekt": "project", "ein projekt": "a project",
    # first / last / next
    "endet zuerst": "closes first", "schließt zuerst": "closes first", "endet als erste": "closes first",
    "schließt am frühesten": "closes soonest", "endet am frühesten": "closes soonest",
    "am frühesten": "soonest", "zuerst": "first", "die nächste frist": "the next deadline",
    "nächste frist": "next deadline", "nächste deadline": "next deadline",
    "früheste frist": "earliest deadline",
    "öffnet als nächste": "opens next", "öffnet als nächstes": "opens next",
    "als nächstes öffnet": "opens next",
    "schließt als letzte": "closes last", "endet zuletzt": "closes last",
    "frist": "deadline", "fristen": "deadlines", "einreichungsfrist": "deadline", "abgabefrist": "deadline",
    "endet": "closes", "enden": "close", "schließt": "closes", "schließen": "close", "läuft aus": "closes",
    # budgets
    "das größte budget": "the largest budget", "größte budget": "largest budget",
    "größten budget": "largest budget", "höchste budget": "largest budget",
    "am meisten geld": "the most money",
    "pro projekt": "per project", "je projekt": "per project",
    "wie hoch ist das budget": "what is the budget",
    "budget von": "budget of", "wie viel geld": "how much money", "gefördert": "funded",
    "werden gefördert": "will be funded", "kleinste budget": "smallest budget",
    # follow-ups over the previous answer
    "welche davon": "which of them", "welcher davon": "which of them", "welches davon": "which of them",
    "welche von ihnen": "which of them", "davon": "of them", "nur die": "only those",
    "nur diese": "only those",
    "nur jene": "only those", "die zweite": "the second one", "der zweite": "the second one",
    "das zweite": "the second one", "die erste": "the first one", "der erste": "the first one",
    "die dritte": "the third one", "die letzte": "the last one", "der letzte": "the last one",
    "vergleiche": "compare", "vergleichen": "compare", "vergleich": "comparison",
    # definitions
    "was ist": "what is", "was sind": "what are", "unterschied zwischen": "difference between",
    # partners, home and target
    "partnern": "partners", "partnerorganisationen": "partner organisations",
    "clusterorganisationen": "cluster organisations", "clusterorganisation": "cluster organisation",
    "welche cluster": "which clusters",
    "clustern": "clusters", "zusammenarbeiten": "work with", "kooperieren": "collaborate",
    "wir sind ein": "we are a", "wir sind eine": "we are a",
    "unsere firma sitzt in": "our company is based in",
    "unser unternehmen sitzt in": "our company is based in", "sitzt in": "is based in",
    "mit sitz in": "based in", "wir suchen": "we are looking for", "suchen partner": "looking for partners",
    "und suchen": "looking for", "suchen": "looking for", "kmu": "sme", "firma": "company",
    "unternehmen": "company", "mit einer firma": "with a company", "mit partnern": "with partners",
    # question words and glue that the rules read
    "gibt es": "are there", "welche": "which", "welcher": "which", "welches": "which", "zeig mir": "show me",
    "zeige mir": "show me", "finde": "find", "sag mal": "tell me", "sag mir": "tell me", "für": "for",
    "über": "about", "zum thema": "about", "und": "and", "bitte": "please", "noch": "still",
    # actions the product cannot take
    "kannst du": "can you", "könnten sie": "could you", "können sie": "can you", "buchen": "book",
    "ein treffen": "a meeting", "treffen": "meeting", "bitte reiche": "please submit", "reiche": "submit",
    "schick": "send", "schicke": "send", "sende": "send", "anmelden": "register", "registriere": "register",
    "bezahle": "pay", "bezahlen": "pay", "für uns": "for us",
    # outside the product
    "wetter": "weather", "rezept": "recipe", "fußball": "football", "wer hat gewonnen": "who won",
    # function words, read as the English ones the rules skip (so they never become a topic)
    "der": "the", "den": "the", "dem": "the", "ein": "a", "eine": "a", "einen": "a",
    "einem": "a", "einer": "a", "von": "of", "vom": "of the", "bei": "at", "im": "in the",
    "zum": "to the", "zur": "to the", "sind": "are", "ist": "is", "haben": "have", "wir": "we",
    "uns": "us", "unser": "our", "unsere": "our", "mit": "with", "oder": "or", "aber": "but", "nicht": "not",
    "zu": "to", "auf": "on", "dass": "that", "wann": "when", "wo": "where", "wer": "who",
    "wie": "how", "irgendwelche": "any", "irgendeine": "any", "alle": "all", "sich": "", "etwas": "something",
    "und in": "and in", "und was ist mit": "what about", "wie sieht es": "what about",
    "wie steht es": "what about",
    "was ist mit": "what about",
}  # fmt: skip
