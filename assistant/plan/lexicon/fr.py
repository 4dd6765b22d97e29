"""French question phrases → the English cues the planner's rules read (see the package docstring)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # policy
    "politique de clusters": "cluster policy", "politiques de clusters": "cluster policies",
    "politique des clusters": "cluster policy", "politiques": "policies", "politique": "policy",
    # how many / counts
    "combien de": "how many", "combien d'": "how many", "combien": "how many", "nombre de": "number of",
    "nombre d'": "number of", "et ça fait combien": "and how many is that",
    "ça fait combien": "how many is that",
    "combien de projets": "how many projects", "combien y en a-t-il": "how many is that",
    # calls, funding, programmes
    "appels à projets": "calls", "appels à propositions": "calls", "appel à projets": "call",
    "appels": "calls",
    "appel": "call", "financements": "funding", "financement": "funding", "subventions": "grants",
    "subvention": "grant", "programme": "programme", "thématiques": "topics", "projets": "projects",
    "propositions": "proposals",
    # status
    "ouverts": "open", "ouvert": "open", "ouvertes": "open", "ouverte": "open",
    "encore ouverts": "still open",
    "en ce moment": "right now", "actuellement": "currently", "aujourd'hui": "today", "maintenant": "now",
    "pas encore ouverts": "not yet open", "pas encore ouvert": "not yet open", "à venir": "upcoming",
    "vont bientôt ouvrir": "will open soon", "bientôt": "soon", "prévus": "upcoming", "ouvrent": "open",
    "ouvre": "opens", "fermés": "closed", "clôturés": "closed",
    "peut-on encore candidater": "can we still apply",
    "pouvons-nous encore candidater": "can we still apply", "candidater": "apply", "postuler": "apply",
    "déposer": "apply to",
    "projet": "project", "un projet": "a project",
    "on veut": "we want", "on voudrait": "we would like", "on aimerait": "we would like",
    "on cherche": "we are looking for", "monter un projet": "build a project",
    "existe-t-il": "are there", "il y a": "there are",
    # first / last / next
    "ferme en premier": "closes first", "se clôture en premier": "closes first",
    "la prochaine date limite": "the next deadline", "prochaine date limite": "next deadline",
    "la date limite la plus proche": "the earliest deadline",
    "date limite la plus proche": "earliest deadline",
    "le prochain appel": "the next call", "à ouvrir": "to open", "ouvre en premier": "opens first",
    "ferme en dernier": "closes last", "dates limites": "deadlines", "date limite": "deadline",
    "échéance": "deadline", "ferment": "close", "ferme": "closes", "se clôturent": "close",
    "se terminent": "close",
    # budgets
    "le plus gros budget": "the largest budget", "plus gros budget": "largest budget",
    "le budget le plus élevé": "the largest budget", "le plus d'argent": "the most money",
    "par projet": "per project", "quel est le budget": "what is the budget", "budget de": "budget of",
    "seront financés": "will be funded", "financés": "funded", "le plus petit budget": "the smallest budget",
    # follow-ups
    "lequel": "which one", "laquelle": "which one", "lesquels": "which of them", "parmi eux": "of them",
    "seulement ceux": "only those", "seulement celles": "only those", "juste ceux": "only those",
    "uniquement ceux": "only those", "le deuxième": "the second one", "la deuxième": "the second one",
    "le 2e": "the second one", "du 2e": "of the second one", "le second": "the second one",
    "le premier": "the first one", "le dernier": "the last one", "comparer": "compare", "compare": "compare",
    # definitions
    "qu'est-ce qu'un": "what is a", "qu'est-ce qu'une": "what is a", "qu'est-ce que": "what is",
    "différence entre": "difference between",
    # partners, home and target
    "partenaires": "partners", "organisations de clusters": "cluster organisations",
    "organisation de cluster": "cluster organisation",
    "quels clusters": "which clusters", "travailler": "work with", "collaborer": "collaborate",
    "nous sommes une": "we are a", "nous sommes un": "we are a",
    "notre entreprise est basée": "our company is based", "est basée au": "is based in",
    "est basée en": "is based in", "est basée à": "is based in", "basée au": "based in",
    "basée en": "based in", "basée à": "based in",
    "est basée": "is based", "basée": "based", "cherchons": "looking for", "cherche": "looking for",
    "pme": "sme", "entreprise": "company", "avec une entreprise": "with a company",
    "avec des partenaires": "with partners", "pourrions-nous": "could we",
    # question words and glue
    "quel est": "what is", "quelle est": "what is", "quels sont": "what are", "y a-t-il": "are there",
    "quels": "which", "quelles": "which", "quel": "which", "quelle": "which",
    "montre-moi": "show me", "trouve": "find", "pour": "for", "sur": "about", "s'il vous plaît": "please",
    "encore": "still",
    # actions
    "peux-tu": "can you", "pouvez-vous": "can you", "réserver": "book", "une réunion": "a meeting",
    "envoie": "send", "envoyer": "send", "un e-mail": "an email", "inscris": "register",
    "inscrire": "register",
    "payer": "pay", "paie": "pay", "pour nous": "for us", "soumets": "submit", "dépose": "submit",
    # outside
    "météo": "weather", "recette": "recipe", "recettes": "recipes", "football": "football",
    "qui a gagné": "who won",
    # function words, read as the English ones the rules skip (so they never become a topic)
    "les": "the", "le": "the", "la": "the", "l'": "the", "des": "some", "du": "of the", "de": "of",
    "d'": "of", "une": "a", "et": "and", "ou": "or", "sont": "are", "est": "is", "ont": "have",
    "avec": "with",
    "nous": "we", "notre": "our", "nos": "our", "qui": "that", "dans": "in", "au": "in the",
    "aux": "in the", "ce": "this", "cette": "this", "ces": "these", "ça": "that",
    "quand": "when", "tous": "all", "toutes": "all", "aucun": "any", "aucune": "any",
    "et au": "and in", "et en": "and in", "et aux": "and in", "et pour": "and for",
    "qu'en est-il": "what about",
    # superlatives and order, as members write them (second round)
    "le plus tôt": "soonest", "au plus tôt": "soonest", "se termine": "closes",
    "se termine le premier": "closes first",
"le mieux doté": "the largest budget", "la mieux dotée": "the largest budget",
    "le mieux dotés": "the largest budget", "mieux doté": "largest budget", "mieux dotée": "largest budget",
    "finance le plus": "gives the most money", "financent le plus": "give the most money",
    "le plus élevé": "the highest", "la plus élevée": "the highest", "plus élevé": "highest",
    "plus élevée": "highest", "le montant le plus élevé": "the highest amount",
    "l'échéance la plus proche": "the earliest deadline", "échéance la plus proche": "earliest deadline",
    "la date limite la plus rapprochée": "the earliest deadline",
    "date limite la plus rapprochée": "earliest deadline",
    "la date limite la plus tardive": "the latest deadline", "date limite la plus tardive": "latest deadline",
    "l'échéance la plus tardive": "the latest deadline", "échéance la plus tardive": "latest deadline",
    "date limite la plus lointaine": "latest deadline", "quand ouvre le prochain": "when opens next the",
    "quand ouvre la prochaine": "when opens next the", "le prochain": "the next", "la prochaine": "the next",
    "prochain": "next", "prochaine": "next", "en dernier": "last",
    "combien en reste-t-il": "how many is that", "combien en reste": "how many is that",
    "il en reste combien": "how many is that", "du deuxième": "of the second one",
    "deuxième": "second one", "liste": "list",
    # home, target, partners
    "société": "company", "notre société": "our company", "est établie en": "is based in",
    "est établie au": "is based in", "est établie aux": "is based in", "est établie à": "is based in",
    "établie": "based", "établis": "based", "implanter": "expand", "nous implanter": "expand",
    "se lancer": "expand", "contacter": "contact", "conseiller": "recommend",
    "là-bas": "there", "nos partenaires": "partners", "entreprises": "companies",
    "un consortium": "a consortium", "nous montons": "we are building", "montons": "building",
    "un projet commun": "a project together", "projet commun": "project together",
    "pourraient être": "could be", "répondre": "apply",
    # actions
    # the French acronym of the Connecting Europe Facility (Mécanisme pour l'interconnexion en Europe)
    "mie": "CEF",
    "inscris-nous": "register us", "appeler": "call", "peux-tu appeler": "can you call",
    "clôture": "closes", "clôturent": "close", "expire": "closes", "expirent": "close", "en premier": "first",
    "le plus tard": "last", "date de clôture": "deadline", "dates de clôture": "deadlines",
    "le plus important": "the largest", "la plus importante": "the largest", "dispose du": "has the",
    "maximal": "highest", "maximale": "highest", "finance le mieux": "gives the most money",
    "chaque projet": "per project", "qui ouvre": "to open", "qui ouvrira": "to open", "ouvrira": "will open",
    "ouvrira le premier": "opens first", "va ouvrir": "will open", "ouvrir": "open",
    # where the asker is from, and the market they aim at
    "en tant que": "as a", "exporter": "export", "vers": "to", "je dirige": "i run", "je": "i",
    "je cherche": "i am looking for", "nous sommes basés": "we are based",
    "nous sommes basées": "we are based",
    "basés": "based", "basées": "based", "nous sommes": "we are", "aimerions": "would like to",
    "trouver": "find", "marché": "market", "le marché": "the market",
    "ferme le premier": "closes first", "ferment le premier": "close first",
    "clôture le premier": "closes first",
    "le troisième": "the third one", "la troisième": "the third one", "le quatrième": "the fourth one",
    "la quatrième": "the fourth one", "le cinquième": "the fifth one", "la cinquième": "the fifth one",
    "réserve": "book", "visio": "video call", "une visio": "a video call",
    "vont ouvrir": "will open", "prochainement": "soon",
    "pme de": "sme from", "pme d'": "sme from", "entreprise de": "company from",
    "entreprise d'": "company from",
    "start-up de": "startup from", "start-up d'": "startup from",
    # third round (dev3)
    "est-ce qu'il reste": "is there still", "il reste": "there is still", "reste-t-il": "is there still",
    "pôles": "clusters", "des pôles": "clusters", "un pôle": "a cluster", "parmi les": "among the",
    "parmi": "among", "il ferme quand": "when does it close", "garde seulement": "only those",
    "ça en fait combien": "how many is that",
    # policy facts about events and institutions abroad: a policy question, even naming a country
    "ont participé": "participated", "participé": "participated", "ont assisté": "attended",
    "assisté": "attended", "atelier": "workshop", "ateliers": "workshops",
    "loi": "act", "plateforme": "platform", "agences": "agencies", "agence": "agency",
    "ministère": "ministry", "en quelle année": "in which year", "quelle année": "which year",
    "fiches": "factsheets", "décideurs": "policymakers", "chercheurs": "researchers",
    "cartographie des clusters": "cluster mapping", "haut niveau": "high level", "bureaux": "bureaus",
    "comment": "how is", "comment se": "how is", "généralement": "usually", "constitué": "composed",
    # fourth round (dev4): budgets, other words for calls
    "plus de {n}": "more than {n}", "supérieur à {n}": "over {n}", "au-delà de {n}": "over {n}",
    "appels à candidatures": "calls", "appel à candidatures": "call",
}  # fmt: skip

# "la date limite la plus tardive", "l'échéance la plus proche": the deadline, then how far it is.
PHRASES |= {
    f"{article}{deadline} la plus {how}": f"{'the ' if article else ''}{reading}"
    for article in ("", "la ", "l'")
    for deadline in ("date limite", "date de clôture", "échéance")
    for how, reading in (
        ("proche", "earliest deadline"),
        ("rapprochée", "earliest deadline"),
        ("tardive", "latest deadline"),
        ("éloignée", "latest deadline"),
        ("lointaine", "latest deadline"),
    )  # fmt: skip
    if (article == "l'") == (deadline == "échéance")
}

KEEP: tuple[str, ...] = ("pôles de compétitivité",)
"""Names whose words are cues elsewhere ("de"), kept as typed."""
