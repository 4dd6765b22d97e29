"""Italian question phrases → the English cues the planner's rules read (see the package docstring)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # how many
    "quanti": "how many", "quante": "how many", "numero di": "number of",
    "e quanti sono": "and how many is that",
    "quanti sono": "how many is that", "quanti progetti": "how many projects",
    # calls, funding
    "bandi": "calls", "bando": "call", "avvisi": "calls", "inviti": "calls", "finanziamenti": "funding",
    "finanziamento": "funding", "contributi": "grants", "programma": "programme", "progetti": "projects",
    "proposte": "proposals",
    # status
    "aperti": "open", "aperto": "open", "aperte": "open", "aperta": "open", "ancora aperti": "still open",
    "in questo momento": "right now", "adesso": "now", "attualmente": "currently",
    "al momento": "at the moment",
    "oggi": "today", "non ancora aperti": "not yet open", "prossimamente": "upcoming",
    "apriranno": "will open",
    "previsti": "upcoming", "aprono": "open", "apre": "opens", "chiusi": "closed", "scaduti": "closed",
    "possiamo ancora partecipare": "can we still apply", "partecipare": "apply", "candidarsi": "apply",
    "presentare": "apply to",
    "progetto": "project", "un progetto": "a project",
    "esistono": "are there", "operano": "are active",
    # first / last / next
    "scade per primo": "closes first", "chiude per primo": "closes first", "chiude prima": "closes first",
    "scade prima": "closes first", "la prossima scadenza": "the next deadline",
    "prossima scadenza": "next deadline",
    "il prossimo bando": "the next call", "ad aprire": "to open", "apre per primo": "opens first",
    "scadenze": "deadlines", "scadenza": "deadline", "chiudono": "close", "chiude": "closes",
    "scadono": "close",
    "scade": "closes",
    # budgets
    "il budget più alto": "the largest budget", "budget più alto": "largest budget",
    "il budget più grande": "the largest budget", "più soldi": "the most money",
    "per progetto": "per project",
    "qual è il budget": "what is the budget", "budget di": "budget of", "finanzierà": "will fund",
    "il budget più basso": "the smallest budget",
    # follow-ups
    "quale di questi": "which of them", "quale di questo": "which of them", "di questi": "of them",
    "solo quelli": "only those", "solo quelle": "only those", "il secondo": "the second one",
    "la seconda": "the second one", "del secondo": "of the second one", "il primo": "the first one",
    "l'ultimo": "the last one", "confronta": "compare", "confrontare": "compare",
    # definitions
    "cos'è un": "what is a", "cos'è una": "what is a", "cos'è": "what is", "che cos'è": "what is",
    "differenza tra": "difference between",
    # partners, home and target
    "organizzazioni di cluster": "cluster organisations",
    "organizzazione di cluster": "cluster organisation", "distretti": "clusters",
    "quali cluster": "which clusters",
    "cluster ci sono": "clusters are there", "collaborare": "collaborate", "lavorare con": "work with",
    "siamo una": "we are a", "siamo un": "we are a", "la nostra azienda ha sede": "our company is based",
    "ha sede": "is based", "ha sede in": "is based in", "ha sede a": "is based in",
    "cerchiamo": "looking for", "trova": "find", "pmi": "sme", "azienda": "company",
    "con un'azienda": "with a company", "con partner": "with partners", "potremmo": "could we",
    "dall'": "from ", "dalla": "from", "dal": "from", "dai": "from",
    # question words and glue
    "ci sono": "are there", "quali": "which", "quale": "which", "qual è": "what is", "mostrami": "show me",
    "fammi vedere": "show me", "riguardo": "about", "per favore": "please", "ancora": "still",
    # actions
    "puoi": "can you", "potresti": "could you", "fissare": "book", "prenotare": "book",
    "un incontro": "a meeting",
    "invia": "send", "inviare": "send", "una mail": "an email", "iscrivici": "register us", "paga": "pay",
    "pagare": "pay", "per noi": "for us",
    # outside
    "meteo": "weather", "ricetta": "recipe", "calcio": "football", "film da vedere": "movie to watch",
    "chi ha vinto": "who won",
    # function words, read as the English ones the rules skip (so they never become a topic)
    "il": "the", "lo": "the", "gli": "the", "le": "the", "la": "the", "l'": "the", "di": "of",
    "del": "of the", "della": "of the", "dei": "of the", "degli": "of the", "delle": "of the",
    "dello": "of the", "che": "that", "con": "with", "sono": "are", "una": "a", "un'": "a", "noi": "we",
    "nostra": "our", "nostro": "our", "quando": "when", "dove": "where", "tutti": "all", "tutte": "all",
    "qualche": "any", "alcuni": "any", "ma": "but", "o": "or", "nei": "in the", "nel": "in the",
    "nella": "in the", "negli": "in the", "e in": "and in", "e nei": "and in", "e per": "and for",
    "e per quanto riguarda": "and what about", "per quanto riguarda": "about", "e quale": "and which",
    # superlatives and order, as members write them (second round)
    "più alto": "highest", "più alta": "highest", "dotazione più alta": "highest budget",
    "la dotazione più alta": "the highest budget", "dotazione": "budget",
    "importo più alto": "highest amount",
    "l'importo più alto": "the highest amount", "per singolo progetto": "per project",
    "per ogni progetto": "per project", "più budget": "the largest budget",
    "ha più budget": "has the largest budget",
    "si ottiene di più": "gives the most money", "di più": "the most money",
    "per ultimo": "last", "per ultima": "last", "chiude per ultimo": "closes last",
    "chiude per ultima": "closes last",
    "scadenza più vicina": "earliest deadline", "la scadenza più vicina": "the earliest deadline",
    "scadenza più lontana": "latest deadline", "la scadenza più lontana": "the latest deadline",
    "scadenza più tardi": "latest deadline", "quando apre il prossimo": "when opens next the",
    "quando apre la prossima": "when opens next the", "ad aprirsi": "to open", "aprirsi": "to open",
    "sarà": "will be", "prossimo": "next", "prossima": "next", "il prossimo": "the next",
    "tra questi": "of them", "fra questi": "of them", "quanti ne restano": "how many is that",
    "quanti ne rimangono": "how many is that", "elencami": "list", "dimmi": "tell me",
    "e invece": "and what about", "invece": "what about",
    # home, target, partners
    "si trova in": "is based in", "si trova": "is based", "la nostra impresa": "our company",
    "impresa": "company", "espanderci": "expand", "vogliamo": "we want", "interessata a": "looking to",
    "interessato a": "looking to", "aziende": "companies", "consorzio": "consortium",
    "stiamo creando": "we are building", "progetto comune": "project together",
    "un progetto comune": "a project together", "potrebbero essere": "could be", "startup": "startup",
    # actions
    "manda": "send", "registraci": "register us", "per presentarci": "to introduce us",
    "un'email": "an email",
}  # fmt: skip
