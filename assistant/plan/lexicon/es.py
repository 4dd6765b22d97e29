"""Spanish question phrases → the English cues the planner's rules read (see the package docstring)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # how many
    "cuántas": "how many", "cuántos": "how many", "número de": "number of",
    "y cuántas son": "and how many is that",
    "cuántas son": "how many is that", "cuántos proyectos": "how many projects",
    # calls, funding
    "convocatorias": "calls", "convocatoria": "call", "ayudas": "grants", "subvenciones": "grants",
    "subvención": "grant", "financiación": "funding", "financiamiento": "funding", "programa": "programme",
    "proyectos": "projects", "propuestas": "proposals",
    # status
    "abiertas": "open", "abierta": "open", "abiertos": "open", "abierto": "open",
    "siguen abiertas": "still open",
    "todavía abiertas": "still open", "ahora mismo": "right now", "ahora": "now", "actualmente": "currently",
    "en este momento": "at the moment", "hoy": "today", "aún no abiertas": "not yet open",
    "todavía no abiertas": "not yet open", "próximamente": "upcoming", "se abrirán": "will open",
    "previstas": "upcoming", "se abren": "open", "se abre": "opens", "cerradas": "closed",
    "todavía podemos presentarnos": "can we still apply", "podemos presentarnos": "can we apply",
    "presentarnos": "apply", "solicitar": "apply for", "presentar": "apply to",
    "proyecto": "project", "un proyecto": "a project",
    "hay en": "are there in", "hay para": "are there for", "qué hay": "what is there",
    "no hay": "there are no",
    "clústeres hay": "clusters are there", "existen": "are there",
    # first / last / next
    "cierra primero": "closes first", "vence primero": "closes first", "vence antes": "closes first",
    "el próximo plazo": "the next deadline", "próximo plazo": "next deadline",
    "la próxima convocatoria": "the next call",
    "que se abre": "to open", "se abre primero": "opens first", "cierra la última": "closes last",
    "plazos": "deadlines", "plazo": "deadline", "fecha límite": "deadline", "cierran": "close",
    "cierra": "closes",
    "vencen": "close", "vence": "closes", "terminan": "close",
    # budgets
    "el mayor presupuesto": "the largest budget", "mayor presupuesto": "largest budget",
    "más dinero": "the most money", "por proyecto": "per project",
    "cuál es el presupuesto": "what is the budget",
    "presupuesto de": "budget of", "presupuesto": "budget", "financiará": "will fund",
    "el menor presupuesto": "the smallest budget",
    # follow-ups
    "cuál de ellas": "which of them", "cuál de ellos": "which of them", "de ellas": "of them",
    "de ellos": "of them",
    "solo las": "only those", "solo los": "only those", "sólo las": "only those",
    "la segunda": "the second one",
    "el segundo": "the second one", "la primera": "the first one", "el primero": "the first one",
    "la última": "the last one", "el último": "the last one", "comparar": "compare", "compara": "compare",
    # definitions
    "qué es un": "what is a", "qué es una": "what is a", "qué es": "what is",
    "diferencia entre": "difference between",
    # partners, home and target
    "socios": "partners", "socio": "partner", "organizaciones de clúster": "cluster organisations",
    "organizaciones clúster": "cluster organisations", "clústeres": "clusters", "clúster": "cluster",
    "qué clústeres": "which clusters", "colaborar": "collaborate", "trabajar con": "work with",
    "somos una": "we are a", "somos un": "we are a", "nuestra empresa está en": "our company is based in",
    "nuestra empresa está": "our company is based", "con sede en": "based in", "buscamos": "looking for",
    "busca": "find", "pyme": "sme", "empresa": "company", "con una empresa": "with a company",
    "con socios": "with partners", "podríamos": "could we",
    # question words and glue
    "hay alguna": "is there any", "hay algún": "is there any", "qué": "which", "cuál": "which",
    "cuáles": "which", "muéstrame": "show me",
    "para": "for", "sobre": "about", "por favor": "please", "todavía": "still",
    # actions
    "puedes": "can you", "podrías": "could you", "reservar": "book", "una reunión": "a meeting",
    "envía": "send", "enviar": "send", "un correo": "an email", "inscríbenos": "register us", "paga": "pay",
    "pagar": "pay", "por nosotros": "for us", "presenta": "submit",
    # outside
    "tiempo mañana": "weather tomorrow", "receta": "recipe", "fútbol": "football", "quién ganó": "who won",
    # function words, read as the English ones the rules skip (so they never become a topic)
    "las": "the", "los": "the", "el": "the", "la": "the", "del": "of the", "de": "of", "una": "a",
    "unos": "some", "unas": "some", "y": "and", "o": "or", "que": "which", "en": "in", "con": "with",
    "están": "are", "está": "is", "es": "is", "nosotros": "we", "nuestra": "our",
    "nuestro": "our", "nuestras": "our", "alguna": "any", "alguno": "any", "algún": "any", "algunas": "any",
    "algunos": "any", "cuándo": "when", "dónde": "where", "todas": "all", "todos": "all", "pero": "but",
    "y en": "and in", "y qué hay en": "what about in", "y qué hay de": "what about", "qué tal": "what about",
    # superlatives and order, as members write them (second round)
    "cierra antes": "closes first", "cierra antes de": "closes before", "cierra antes del": "closes before",
    "vence antes de": "closes before", "vence antes del": "closes before", "más alto": "highest",
    "más alta": "highest",
    "presupuesto más alto": "highest budget", "el presupuesto más alto": "the highest budget",
    "más presupuesto": "the largest budget", "con más presupuesto": "with the largest budget",
    "financia más": "gives the most money", "financian más": "give the most money",
    "plazo más cercano": "earliest deadline", "el plazo más cercano": "the earliest deadline",
    "plazo más próximo": "earliest deadline", "plazo más tardío": "latest deadline",
    "el plazo más tardío": "the latest deadline", "plazo más lejano": "latest deadline",
    "cierra el último": "closes last", "la última en cerrar": "last to close",
    "cuándo abre la próxima": "when opens next the", "cuándo abre el próximo": "when opens next the",
    "la próxima": "the next", "el próximo": "the next", "próxima": "next", "próximo": "next",
    "siguiente": "next", "la siguiente": "the next", "en abrirse": "to open", "abrirse": "to open",
    "será": "will be", "abren": "open", "abre": "opens", "dime": "tell me", "lista": "list",
    "cuál de esas": "which of them", "cuál de esos": "which of them", "cuál de estas": "which of them",
    "cuál de estos": "which of them", "de esas": "of them", "de esos": "of them",
    "cuántas quedan": "how many is that", "cuántos quedan": "how many is that",
    "quédate solo con las": "only those", "quédate solo con los": "only those",
    "quédate con las": "only those",
    "quédate con los": "only those", "solo con las": "only those", "solo con los": "only those",
    "hay": "are there", "se recibe": "one gets", "cantidad": "amount",
    # home, target, partners
    "tiene sede en": "is based in", "tiene su sede en": "is based in", "tenemos sede en": "we are based in",
    "expandirnos": "expand", "queremos": "we want", "allí": "there", "buscando": "looking for",
    "empresas": "companies", "consorcio": "consortium", "estamos formando": "we are building",
    "proyecto conjunto": "project together", "un proyecto conjunto": "a project together",
    "contactar": "contact", "aquí": "here", "hola": "hello",
    # actions
    "regístranos": "register us", "presentándonos": "introducing us",
}  # fmt: skip
