"""Place vocabulary for query understanding: countries, their adjectives, regions, macro-regions.

English names, adjectives and demonyms map to ISO 3166-1 alpha-2 (XK for Kosovo, GB for the United
Kingdom). Regions and big cities map to their country; macro-regions ("Central Europe", "Nordics")
map to sets of countries. Matching is on folded words (see :mod:`retrieval.analysis`), except for
the few forms that are also ordinary English words ("Polish", "Turkey", "US"), which must appear
capitalised as written in :data:`CASE_SENSITIVE_FORMS`.
"""

from __future__ import annotations

COUNTRY_FORMS: dict[str, str] = {
    "AL": "Albania; Albanian; Albanians",
    "AM": "Armenia; Armenian",
    "AT": "Austria; Austrian; Austrians; Österreich",
    "AZ": "Azerbaijan; Azerbaijani",
    "BA": "Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia; Bosnian",
    "BE": "Belgium; Belgian; Belgians",
    "BG": "Bulgaria; Bulgarian; Bulgarians",
    "CH": "Switzerland; Swiss",
    "CY": "Cyprus; Cypriot; Cypriots",
    "CZ": "Czechia; Czech Republic; Czech; Czechs",
    "DE": "Germany; German; Germans; Deutschland",
    "DK": "Denmark; Danish; Danes",
    "EE": "Estonia; Estonian; Estonians",
    "ES": "Spain; Spanish; Spaniards; España",
    "FI": "Finland; Finnish; Finns; Suomi",
    "FO": "Faroe Islands; Faroese",
    "FR": "France; French",
    "GB": "United Kingdom; Great Britain; Britain; British; England; Scotland; Scottish; "
    "Wales; Welsh; Northern Ireland",
    "GR": "Greece; Greek; Greeks; Hellenic",
    "HR": "Croatia; Croatian; Croatians",
    "HU": "Hungary; Hungarian; Hungarians",
    "IE": "Ireland; Irish; Republic of Ireland",
    "IS": "Iceland; Icelandic",
    "IT": "Italy; Italian; Italians",
    "LI": "Liechtenstein",
    "LT": "Lithuania; Lithuanian; Lithuanians",
    "LU": "Luxembourg; Luxembourgish",
    "LV": "Latvia; Latvian; Latvians",
    "MD": "Moldova; Moldovan; Republic of Moldova",
    "ME": "Montenegro; Montenegrin",
    "MK": "North Macedonia; Macedonia; Macedonian",
    "MT": "Malta; Maltese",
    "NL": "Netherlands; the Netherlands; Holland; Dutch",
    "NO": "Norway; Norwegian; Norwegians",
    "PL": "Poland; Polska",
    "PT": "Portugal; Portuguese",
    "RO": "Romania; Romanian; Romanians",
    "RS": "Serbia; Serbian; Serbians",
    "SE": "Sweden; Swedish; Swedes",
    "SI": "Slovenia; Slovenian; Slovene; Slovenians",
    "SK": "Slovakia; Slovak; Slovakian; Slovak Republic",
    "TR": "Türkiye; Turkiye; Turkish",
    "UA": "Ukraine; Ukrainian; Ukrainians",
    "XK": "Kosovo; Kosovar",
    "US": "United States; United States of America; American clusters; American cluster",
    "CA": "Canada; Canadian",
    "JP": "Japan; Japanese",
    "KR": "South Korea; Korea; Korean",
    "CN": "China; Chinese",
    "IN": "India; Indian",
    "BR": "Brazil; Brazilian",
    "MX": "Mexico; Mexican",
    "IL": "Israel; Israeli",
    "TN": "Tunisia; Tunisian",
    "MA": "Morocco; Moroccan",
    "EG": "Egypt; Egyptian",
    "AU": "Australia; Australian",
    "NZ": "New Zealand",
    "SG": "Singapore",
    "ZA": "South Africa; South African",
}

CASE_SENSITIVE_FORMS: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "UK": "GB",
    "Polish": "PL",
    "Turkey": "TR",
    "Georgia": "GE",
    "American": "US",
    "Americans": "US",
}
"""Forms that are also common words (``us``, ``polish``, ``turkey``) or ambiguous in lowercase."""

REGION_FORMS: dict[str, str] = {
    "ES": "Andalusia; Andalucia; Andalusian; Catalonia; Catalunya; Catalan; Basque Country; Basque; "
    "Euskadi; Galicia; Galician; Valencia; Valencian; Aragon; Asturias; Navarre; Navarra; Murcia; "
    "Castilla y Leon; Castile; Extremadura; Canary Islands; Balearic Islands; Madrid; Barcelona; Seville; "
    "Bilbao; Zaragoza; Malaga",
    "DE": "Bavaria; Bavarian; Baden-Württemberg; Baden-Wurttemberg; Saxony; Saxon; Lower Saxony; "
    "North Rhine-Westphalia; NRW; Hesse; Hessen; Thuringia; Brandenburg; Rhineland-Palatinate; "
    "Schleswig-Holstein; Berlin; Munich; München; Hamburg; Stuttgart; Frankfurt; Cologne; Dresden; Leipzig",
    "FR": "Brittany; Normandy; Occitanie; Occitania; Auvergne-Rhône-Alpes; Île-de-France; Ile-de-France; "
    "Provence; Alsace; Grand Est; Hauts-de-France; Nouvelle-Aquitaine; Bourgogne-Franche-Comté; Paris; "
    "Lyon; Toulouse; Marseille; Bordeaux; Grenoble",
    "IT": "Lombardy; Lombardia; Piedmont; Piemonte; Emilia-Romagna; Tuscany; Toscana; Veneto; Lazio; "
    "Campania; Puglia; Apulia; Sicily; Sardinia; Friuli; Liguria; Milan; Milano; Turin; Torino; Rome; "
    "Bologna; Naples",
    "BE": "Flanders; Flemish; Wallonia; Walloon; Brussels; Antwerp; Ghent; Liège",
    "NL": "Brabant; North Brabant; Limburg; Amsterdam; Rotterdam; Eindhoven; Utrecht",
    "AT": "Styria; Styrian; Upper Austria; Lower Austria; Tyrol; Tyrolean; Carinthia; Salzburg; Vienna; "
    "Graz; Linz",
    "CZ": "Moravia; Moravian; Bohemia; Bohemian; Prague; Brno; Ostrava",
    "PL": "Silesia; Silesian; Pomerania; Masovia; Lesser Poland; Greater Poland; Warsaw; Krakow; Kraków; "
    "Wroclaw; Wrocław; Gdansk; Gdańsk; Poznan; Poznań; Lodz; Łódź; Katowice",
    "SK": "Bratislava; Kosice; Košice",
    "HU": "Budapest",
    "RO": "Transylvania; Transylvanian; Bucharest; Cluj; Timisoara; Iasi",
    "BG": "Sofia; Plovdiv",
    "SE": "Skåne; Skane; Scania; Stockholm; Gothenburg; Malmö; Malmo",
    "FI": "Lapland; Helsinki; Tampere; Oulu; Turku",
    "DK": "Jutland; Copenhagen; Aarhus",
    "NO": "Oslo; Bergen; Trondheim",
    "PT": "Lisbon; Porto; Algarve",
    "GR": "Athens; Thessaloniki; Crete",
    "IE": "Dublin; Galway; Limerick",
    "EE": "Tallinn; Tartu",
    "LV": "Riga",
    "LT": "Vilnius; Kaunas",
    "SI": "Ljubljana; Maribor",
    "HR": "Zagreb; Dalmatia; Istria",
    "RS": "Belgrade; Novi Sad; Vojvodina",
    "UA": "Kyiv; Kiev; Kharkiv; Lviv; Odesa",
    "CH": "Zurich; Zürich; Geneva; Basel; Lausanne",
}

MACRO_REGIONS: dict[str, tuple[str, ...]] = {
    "Central Europe": ("AT", "CH", "CZ", "DE", "HU", "LI", "PL", "SI", "SK"),
    "Eastern Europe": ("BG", "CZ", "HU", "MD", "PL", "RO", "SK", "UA"),
    "Central and Eastern Europe": (
        "AT",
        "BG",
        "CH",
        "CZ",
        "DE",
        "EE",
        "HR",
        "HU",
        "LI",
        "LT",
        "LV",
        "MD",
        "PL",
        "RO",
        "SI",
        "SK",
        "UA",
    ),
    "Western Europe": ("AT", "BE", "CH", "DE", "FR", "GB", "IE", "LI", "LU", "NL"),
    "Southern Europe": ("CY", "ES", "GR", "HR", "IT", "MT", "PT", "SI"),
    "Northern Europe": ("DK", "EE", "FI", "GB", "IE", "IS", "LT", "LV", "NO", "SE"),
    "Nordics": ("DK", "FI", "FO", "IS", "NO", "SE"),
    "Scandinavia": ("DK", "NO", "SE"),
    "Baltics": ("EE", "LT", "LV"),
    "Iberia": ("ES", "PT"),
    "Benelux": ("BE", "LU", "NL"),
    "Balkans": ("AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "XK"),
    "Western Balkans": ("AL", "BA", "ME", "MK", "RS", "XK"),
    "DACH": ("AT", "CH", "DE"),
    "Visegrad": ("CZ", "HU", "PL", "SK"),
    "Eastern Partnership": ("AM", "AZ", "GE", "MD", "UA"),
    "Mediterranean": ("CY", "ES", "FR", "GR", "HR", "IT", "MT", "SI"),
}

MACRO_REGION_FORMS: dict[str, str] = {
    "Central Europe": "Central Europe; Central European; Central-European",
    "Central and Eastern Europe": "Central and Eastern Europe; Central and Eastern European; CEE",
    "Eastern Europe": "Eastern Europe; Eastern European; East European",
    "Western Europe": "Western Europe; Western European",
    "Southern Europe": "Southern Europe; Southern European; South European",
    "Northern Europe": "Northern Europe; Northern European",
    "Nordics": "Nordics; Nordic; Nordic countries",
    "Scandinavia": "Scandinavia; Scandinavian",
    "Baltics": "Baltics; Baltic; Baltic states; Baltic countries",
    "Iberia": "Iberia; Iberian; Iberian Peninsula",
    "Benelux": "Benelux",
    "Balkans": "Balkans; Balkan",
    "Western Balkans": "Western Balkans; Western Balkan",
    "DACH": "DACH; D-A-CH",
    "Visegrad": "Visegrad; Visegrád; V4",
    "Eastern Partnership": "Eastern Partnership",
    "Mediterranean": "Mediterranean",
}


def split_forms(forms: str) -> list[str]:
    """``"Spain; Spanish"`` → ``["Spain", "Spanish"]``."""
    return [form.strip() for form in forms.split(";") if form.strip()]
