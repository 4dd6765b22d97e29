"""What CLDR does not carry about places, written by hand: adjectives, regions, cities, macro-regions.

Country *names* in every EU language come from CLDR (see :mod:`corpus.places`); this module keeps only
what CLDR lacks:

- adjectives and demonyms: English (``"Danish; Danes"``) and, for the six product languages, the
  masculine singular adjective of each country, from which :mod:`corpus.places` derives the other
  genders, numbers and cases by each language's regular endings;
- the case forms of country names that Polish and German build irregularly ("w Niemczech",
  "aus den Niederlanden" come from rules; "Włoszech" and "Węgier" are listed);
- regions and big cities, with their names in the six product languages;
- macro-regions ("Central Europe", "Nordics") with their members and names.
"""

from __future__ import annotations

PRODUCT_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pl")

ENGLISH_FORMS: dict[str, str] = {
    "AL": "Albanian; Albanians",
    "AM": "Armenian",
    "AT": "Austrian; Austrians",
    "AZ": "Azerbaijani",
    "BA": "Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia; Bosnian",
    "BE": "Belgian; Belgians",
    "BG": "Bulgarian; Bulgarians",
    "CH": "Swiss",
    "CY": "Cypriot; Cypriots",
    "CZ": "Czech Republic; Czech; Czechs",
    "DE": "German; Germans",
    "DK": "Danish; Danes",
    "EE": "Estonian; Estonians",
    "ES": "Spanish; Spaniards",
    "FI": "Finnish; Finns",
    "FO": "Faroese",
    "FR": "French",
    "GB": "Great Britain; Britain; British; England; Scotland; Scottish; Wales; Welsh; Northern Ireland",
    "GR": "Greek; Greeks; Hellenic",
    "HR": "Croatian; Croatians",
    "HU": "Hungarian; Hungarians",
    "IE": "Irish; Republic of Ireland",
    "IS": "Icelandic",
    "IT": "Italian; Italians",
    "LT": "Lithuanian; Lithuanians",
    "LU": "Luxembourgish",
    "LV": "Latvian; Latvians",
    "MD": "Moldovan; Republic of Moldova",
    "ME": "Montenegrin",
    "MK": "Macedonia; Macedonian",
    "MT": "Maltese",
    "NL": "the Netherlands; Holland; Dutch",
    "NO": "Norwegian; Norwegians",
    "PT": "Portuguese",
    "RO": "Romanian; Romanians",
    "RS": "Serbian; Serbians",
    "SE": "Swedish; Swedes",
    "SI": "Slovenian; Slovene; Slovenians",
    "SK": "Slovak; Slovakian; Slovak Republic",
    "TR": "Turkiye; Turkish",
    "UA": "Ukrainian; Ukrainians",
    "XK": "Kosovar",
    "US": "United States of America; American clusters; American cluster",
    "CA": "Canadian",
    "JP": "Japanese",
    "KR": "Korea; Korean",
    "CN": "Chinese",
    "IN": "Indian",
    "BR": "Brazilian",
    "MX": "Mexican",
    "IL": "Israeli",
    "TN": "Tunisian",
    "MA": "Moroccan",
    "EG": "Egyptian",
    "AU": "Australian",
    "ZA": "South African",
}
"""English adjectives, demonyms and common names CLDR does not give (CLDR gives "Denmark")."""

NATIVE_FORMS: dict[str, str] = {
    "AL": "Shqipëria; Shqiperia",
    "AT": "Oesterreich",
    "BA": "Bosna i Hercegovina",
    "BG": "Balgariya",
    "CY": "Kypros; Kıbrıs",
    "DE": "Federal Republic of Germany",
    "ES": "Espanya",
    "FR": "République française",
    "GB": "UK",
    "GE": "Sakartvelo",
    "GR": "Ellada; Hellas; Hellenic Republic",
    "LU": "Lëtzebuerg",
    "MD": "Moldova, Republic of",
    "ME": "Crna Gora",
    "MK": "Severna Makedonija",
    "NO": "Noreg",
    "PT": "Portuguesa",
    "RS": "Srbija",
    "UA": "Ukraina",
    "US": "USA; U.S.; U.S.A.; America",
    "XK": "Kosova",
    "KR": "Republic of Korea",
    "KP": "North Korea",
    "CN": "People's Republic of China; PRC",
    "TW": "Chinese Taipei",
    "RU": "Russian Federation",
    "CI": "Ivory Coast; Côte d'Ivoire",
    "CV": "Cabo Verde",
}
"""Native names in the countries' other scripts and languages CLDR's EU languages lack, official
names and codes people write ("UK", "USA"); read from user files, not from questions' words only."""

ADJECTIVES: dict[str, str] = {
    # ISO2: German | French | Spanish | Italian | Polish (masculine singular; endings are derived)
    "AT": "österreichisch | autrichien | austriaco | austriaco | austriacki",
    "BE": "belgisch | belge | belga | belga | belgijski",
    "BG": "bulgarisch | bulgare | búlgaro | bulgaro | bułgarski",
    "CH": "schweizerisch | suisse | suizo | svizzero | szwajcarski",
    "CY": "zyprisch | chypriote | chipriota | cipriota | cypryjski",
    "CZ": "tschechisch | tchèque | checo | ceco | czeski",
    "DE": "deutsch | allemand | alemán | tedesco | niemiecki",
    "DK": "dänisch | danois | danés | danese | duński",
    "EE": "estnisch | estonien | estonio | estone | estoński",
    "ES": "spanisch | espagnol | español | spagnolo | hiszpański",
    "FI": "finnisch | finlandais | finlandés | finlandese | fiński",
    "FR": "französisch | français | francés | francese | francuski",
    "GB": "britisch | britannique | británico | britannico | brytyjski",
    "GR": "griechisch | grec | griego | greco | grecki",
    "HR": "kroatisch | croate | croata | croato | chorwacki",
    "HU": "ungarisch | hongrois | húngaro | ungherese | węgierski",
    "IE": "irisch | irlandais | irlandés | irlandese | irlandzki",
    "IS": "isländisch | islandais | islandés | islandese | islandzki",
    "IT": "italienisch | italien | italiano | italiano | włoski",
    "LT": "litauisch | lituanien | lituano | lituano | litewski",
    "LU": "luxemburgisch | luxembourgeois | luxemburgués | lussemburghese | luksemburski",
    "LV": "lettisch | letton | letón | lettone | łotewski",
    "MT": "maltesisch | maltais | maltés | maltese | maltański",
    "NL": "niederländisch | néerlandais | neerlandés | olandese | holenderski",
    "NO": "norwegisch | norvégien | noruego | norvegese | norweski",
    "PL": "polnisch | polonais | polaco | polacco | polski",
    "PT": "portugiesisch | portugais | portugués | portoghese | portugalski",
    "RO": "rumänisch | roumain | rumano | rumeno | rumuński",
    "RS": "serbisch | serbe | serbio | serbo | serbski",
    "SE": "schwedisch | suédois | sueco | svedese | szwedzki",
    "SI": "slowenisch | slovène | esloveno | sloveno | słoweński",
    "SK": "slowakisch | slovaque | eslovaco | slovacco | słowacki",
    "TR": "türkisch | turc | turco | turco | turecki",
    "UA": "ukrainisch | ukrainien | ucraniano | ucraino | ukraiński",
    "US": "amerikanisch | américain | estadounidense | statunitense | amerykański",
}
"""Country adjectives in German, French, Spanish, Italian and Polish ("dänische Cluster", "clústeres
daneses", "duńskie klastry"); :func:`corpus.places.adjective_forms` adds the regular endings."""

IRREGULAR_FORMS: dict[str, dict[str, str]] = {
    "pl": {
        "DE": "Niemczech; Niemiec; Niemcami; Niemcom",
        "IT": "Włoszech; Włoch; Włochami",
        "CZ": "Czechach; Czech; Czechami",
        "HU": "Węgrzech; Węgier; Węgrami",
        "NL": "Niderlandach; Niderlandów; Holandii",
        "LU": "Luksemburgu; Luksemburga",
        "CY": "Cyprze; Cypru",
        "GB": "Wielkiej Brytanii; Wielką Brytanią; Zjednoczonym Królestwie",
        "US": "Stanach Zjednoczonych; Stanów Zjednoczonych; USA",
        "MK": "Macedonii Północnej",
        "KR": "Korei Południowej",
        "ME": "Czarnogórze; Czarnogóry",
        "BA": "Bośni i Hercegowinie; Bośni i Hercegowiny",
        "IL": "Izraelu; Izraela",
        "CA": "Kanadzie; Kanady",
        "CN": "Chinach; Chin",
        "IN": "Indiach; Indii",
        "MX": "Meksyku",
        "EG": "Egipcie; Egiptu",
        "AZ": "Azerbejdżanie; Azerbejdżanu",
        "XK": "Kosowie; Kosowa",
        "LI": "Liechtensteinie; Liechtensteinu",
        "NZ": "Nowej Zelandii",
        "SG": "Singapurze; Singapuru",
    },
    "de": {
        "US": "Vereinigten Staaten; USA",
        "GB": "Vereinigten Königreich; Großbritannien; Grossbritannien; England",
        "CZ": "Tschechische Republik; Tschechischen Republik",
        "NL": "Holland",
    },
    "fr": {"GB": "Grande-Bretagne; Angleterre"},
    "es": {"GB": "Gran Bretaña; Inglaterra", "US": "EE. UU.; EEUU"},
    "it": {"GB": "Gran Bretagna; Inghilterra", "US": "USA"},
}
"""Case forms and common names that no regular ending gives, per language."""

REGION_FORMS: dict[str, str] = {
    "ES": "Andalusia; Andalucia; Andalusian; Andalusien; Andalousie; Andalucía; Andaluzja; Catalonia; "
    "Catalunya; Catalan; Katalonien; Catalogne; Cataluña; Catalogna; Katalonia; Basque Country; Basque; "
    "Euskadi; Baskenland; Pays basque; País Vasco; Paesi Baschi; Kraj Basków; Galicia; Galician; "
    "Galizien; Galice; Galizia; Valencia; Valencian; Aragon; Asturias; Navarre; Navarra; Murcia; "
    "Castilla y Leon; Castile; Extremadura; Canary Islands; Kanarische Inseln; Canaries; Canarias; "
    "Balearic Islands; Balearen; Baléares; Baleares; Madrid; Barcelona; Barcelone; Barcellona; Seville; "
    "Sevilla; Séville; Siviglia; Sewilla; Bilbao; Zaragoza; Malaga; Madryt; Madrycie; Madrytu",
    "DE": "Bavaria; Bavarian; Bayern; Bavière; Baviera; Bawaria; Bawarii; Baden-Württemberg; "
    "Baden-Wurttemberg; Saxony; Saxon; Sachsen; Saxe; Sajonia; Sassonia; Saksonia; Saksonii; "
    "Lower Saxony; Niedersachsen; Basse-Saxe; Baja Sajonia; Bassa Sassonia; Dolna Saksonia; "
    "North Rhine-Westphalia; Nordrhein-Westfalen; Rhénanie-du-Nord-Westphalie; Renania del Norte-Westfalia; "
    "Renania Settentrionale-Vestfalia; Nadrenia Północna-Westfalia; NRW; Hesse; Hessen; Assia; Hesja; "
    "Thuringia; Thüringen; Thuringe; Turingia; Brandenburg; Rhineland-Palatinate; Rheinland-Pfalz; "
    "Schleswig-Holstein; Berlin; Berlino; Berlinie; Munich; München; Múnich; Monaco di Baviera; "
    "Monachium; Hamburg; Hambourg; Hamburgo; Amburgo; Stuttgart; Frankfurt; Francfort; Fráncfort; "
    "Francoforte; Frankfurcie; Cologne; Köln; Colonia; Kolonia; Dresden; Dresde; Drezno; Leipzig; Lipsk",
    "FR": "Brittany; Bretagne; Bretaña; Bretagna; Bretania; Normandy; Normandie; Normandía; Normandia; "
    "Occitanie; Occitania; Auvergne-Rhône-Alpes; Île-de-France; Ile-de-France; Provence; Alsace; Elsass; "
    "Alsacia; Alsazia; Alzacja; Grand Est; Hauts-de-France; Nouvelle-Aquitaine; Bourgogne-Franche-Comté; "
    "Paris; París; Parigi; Paryż; Paryżu; Lyon; Lione; Toulouse; Tolosa; Marseille; Marsella; Marsiglia; "
    "Marsylia; Bordeaux; Burdeos; Grenoble",
    "IT": "Lombardy; Lombardia; Lombardei; Lombardie; Lombardía; Piedmont; Piemonte; Piemont; Piémont; "
    "Emilia-Romagna; Tuscany; Toscana; Toskana; Toscane; Toskania; Veneto; Venetien; Vénétie; "
    "Wenecja Euganejska; Lazio; Campania; Kampanien; Puglia; Apulia; Apulien; Pouilles; Sicily; "
    "Sicilia; Sizilien; Sicile; "
    "Sycylia; Sardinia; Sardegna; Sardinien; Sardaigne; Cerdeña; Sardynia; Friuli; Liguria; Milan; "
    "Milano; Mailand; Milán; Mediolan; Mediolanie; Mediolanu; Turin; Torino; Turín; Turyn; Rome; Rom; "
    "Roma; Rzym; Rzymie; Rzymu; Turynu; Turynie; Bologna; Bologne; Bolonia; Naples; Napoli; Neapel; "
    "Nápoles; Neapol",
    "BE": "Flanders; Flemish; Flandern; Flandre; Flandres; Flandes; Fiandre; Flandria; Wallonia; Walloon; "
    "Wallonien; Wallonie; Valonia; Vallonia; Walonia; Brussels; Brüssel; Bruxelles; Bruselas; Bruksela; "
    "Brukseli; Antwerp; Antwerpen; Anvers; Amberes; Anversa; Antwerpia; Ghent; Gent; Gand; Gante; "
    "Liège; Lüttich; Lieja",
    "NL": "Brabant; North Brabant; Noord-Brabant; Limburg; Amsterdam; Ámsterdam; Amsterdamie; Rotterdam; "
    "Eindhoven; Utrecht",
    "AT": "Styria; Styrian; Steiermark; Styrie; Estiria; Stiria; Upper Austria; Oberösterreich; "
    "Lower Austria; Niederösterreich; Tyrol; Tyrolean; Tirol; Tirolo; Carinthia; Kärnten; Salzburg; "
    "Salzbourg; Salzburgo; Salisburgo; Vienna; Wien; Vienne; Viena; Wiedeń; Wiedniu; Graz; Linz",
    "CZ": "Moravia; Moravian; Mähren; Moravie; Morawy; Bohemia; Bohemian; Böhmen; Bohême; Boemia; "
    "Prague; Prag; Praga; Pradze; Brno; Ostrava",
    "PL": "Silesia; Silesian; Schlesien; Silésie; Slesia; Śląsk; Śląsku; Śląska; Pomerania; Pommern; "
    "Poméranie; Pomorze; Pomorzu; Masovia; Mazowsze; Mazowszu; Lesser Poland; Małopolska; Małopolsce; "
    "Greater Poland; Wielkopolska; Wielkopolsce; Großpolen; Grande-Pologne; Gran Polonia; Grande Polonia; "
    "Kleinpolen; Petite-Pologne; Pequeña Polonia; Piccola Polonia; Lower Silesia; Niederschlesien; "
    "Basse-Silésie; Baja Silesia; Bassa Slesia; Dolny Śląsk; Dolnym Śląsku; Warsaw; Warschau; Varsovie; "
    "Varsovia; Varsavia; "
    "Warszawa; Warszawie; Krakow; Kraków; Krakau; Cracovie; Cracovia; Krakowie; Wroclaw; Wrocław; "
    "Breslau; Wrocławiu; Gdansk; Gdańsk; Danzig; Gdańsku; Poznan; Poznań; Posen; Poznaniu; Lodz; Łódź; "
    "Łodzi; Katowice; Katowicach",
    "SK": "Bratislava; Bratysława; Bratysławie; Kosice; Košice",
    "HU": "Budapest; Budapeszt; Budapeszcie",
    "RO": "Transylvania; Transylvanian; Siebenbürgen; Transylvanie; Transilvania; Siedmiogród; Bucharest; "
    "Bukarest; Bucarest; Bukareszt; Cluj; Timisoara; Iasi",
    "BG": "Sofia; Sofía; Plovdiv",
    "SE": "Skåne; Skane; Scania; Stockholm; Estocolmo; Stoccolma; Sztokholm; Gothenburg; Göteborg; "
    "Malmö; Malmo",
    "FI": "Lapland; Lappland; Laponie; Laponia; Lapponia; Helsinki; Helsingfors; Tampere; Oulu; Turku",
    "DK": "Jutland; Jütland; Jutlandia; Copenhagen; Kopenhagen; Copenhague; Copenaghen; Kopenhaga; "
    "Kopenhadze; Aarhus",
    "NO": "Oslo; Bergen; Trondheim",
    "PT": "Lisbon; Lissabon; Lisbonne; Lisboa; Lisbona; Lizbona; Porto; Oporto; Algarve",
    "GR": "Athens; Athen; Athènes; Atenas; Atene; Ateny; Thessaloniki; Crete; Kreta; Crète; Creta",
    "IE": "Dublin; Dublino; Dublinie; Galway; Limerick",
    "EE": "Tallinn; Tartu",
    "LV": "Riga; Ryga",
    "LT": "Vilnius; Wilno; Kaunas",
    "SI": "Ljubljana; Laibach; Lubiana; Liubliana; Lublana; Maribor",
    "HR": "Zagreb; Zagrzeb; Dalmatia; Dalmatien; Dalmatie; Dalmacia; Dalmazia; Dalmacja; Istria; Istrien; "
    "Istrie",
    "RS": "Belgrade; Belgrad; Belgrado; Novi Sad; Vojvodina",
    "UA": "Kyiv; Kiev; Kiew; Kyjiw; Kijów; Kijowie; Kharkiv; Lviv; Lwów; Lwowie; Odesa; Odessa",
    "CH": "Zurich; Zürich; Zúrich; Zurigo; Zurych; Geneva; Genf; Genève; Ginebra; Ginevra; Genewa; Basel; "
    "Bâle; Basilea; Bazylea; Lausanne",
}
"""Regions and big cities → their country, with the names used in the six product languages."""

MACRO_REGIONS: dict[str, tuple[str, ...]] = {
    "Central Europe": ("AT", "CH", "CZ", "DE", "HU", "LI", "PL", "SI", "SK"),
    "Eastern Europe": ("BG", "CZ", "HU", "MD", "PL", "RO", "SK", "UA"),
    "Central and Eastern Europe": (
        "AT", "BG", "CH", "CZ", "DE", "EE", "HR", "HU", "LI", "LT", "LV", "MD", "PL", "RO", "SI", "SK", "UA",
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
}  # fmt: skip

CLDR_MACRO_REGIONS: dict[str, str] = {
    "151": "Eastern Europe",
    "154": "Northern Europe",
    "155": "Western Europe",
    "039": "Southern Europe",
}
"""UN M49 regions whose CLDR names (in every EU language) name our macro-regions; the members stay
ours (the UN's Eastern Europe includes Russia and Belarus, whose clusters a user does not mean)."""

MACRO_REGION_FORMS: dict[str, str] = {
    "Central Europe": "Central Europe; Central European; Central-European; Mitteleuropa; Zentraleuropa; "
    "mitteleuropäisch; Europe centrale; Europa central; centro de Europa; Europa centrale; Centro Europa; "
    "Europa Środkowa; Europie Środkowej; Europy Środkowej",
    "Central and Eastern Europe": "Central and Eastern Europe; Central and Eastern European; CEE; "
    "Mittel- und Osteuropa; MOE; Europe centrale et orientale; Europa central y oriental; "
    "Europa centrale e orientale; Europa Środkowo-Wschodnia; Europie Środkowo-Wschodniej",
    "Eastern Europe": "Eastern Europe; Eastern European; East European; osteuropäisch; Europie Wschodniej; "
    "Europa del Este; este de Europa; Europa dell'Est; Est Europa; est europeo; Europy Wschodniej",
    "Western Europe": "Western Europe; Western European; westeuropäisch; Europie Zachodniej; "
    "Europa del Oeste; oeste de Europa; Europa dell'Ovest; Europa del Ovest; Europy Zachodniej",
    "Southern Europe": "Southern Europe; Southern European; South European; südeuropäisch; "
    "Europie Południowej; Europa del Sur; sur de Europa; Sud Europa; Europa del Sud; sud dell'Europa; "
    "Europy Południowej",
    "Northern Europe": "Northern Europe; Northern European; nordeuropäisch; Europie Północnej; "
    "Europa del Norte; norte de Europa; Nord Europa; Europa del Nord; nord dell'Europa; Europy Północnej",
    "Nordics": "Nordics; Nordic; Nordic countries; nordische Länder; nordischen Ländern; "
    "pays nordiques; países nórdicos; paesi nordici; kraje nordyckie; krajach nordyckich; krajów nordyckich",
    "Scandinavia": "Scandinavia; Scandinavian; Skandinavien; skandinavisch; Scandinavie; scandinave; "
    "Escandinavia; escandinavo; scandinavo; Skandynawia; Skandynawii; skandynawski",
    "Baltics": "Baltics; Baltic; Baltic states; Baltic countries; Baltikum; baltische Staaten; "
    "baltischen Staaten; pays baltes; países bálticos; paesi baltici; kraje bałtyckie; krajach bałtyckich; "
    "państwa bałtyckie",
    "Iberia": "Iberia; Iberian; Iberian Peninsula; Iberische Halbinsel; péninsule Ibérique; "
    "península ibérica; penisola iberica; Półwysep Iberyjski; Półwyspie Iberyjskim",
    "Benelux": "Benelux; Beneluxländer; Beneluksie",
    "Balkans": "Balkans; Balkan; Balkanländer; Balcanes; Balcani; Bałkany; Bałkanach",
    "Western Balkans": "Western Balkans; Western Balkan; Westbalkan; westlichen Balkan; Balkans occidentaux; "
    "Balcanes Occidentales; Balcani occidentali; Bałkany Zachodnie; Bałkanach Zachodnich",
    "DACH": "DACH; D-A-CH",
    "Visegrad": "Visegrad; Visegrád; V4; Wyszehradzka; Grupa Wyszehradzka",
    "Eastern Partnership": "Eastern Partnership; Östliche Partnerschaft; Partenariat oriental; "
    "Asociación Oriental; Partenariato orientale; Partnerstwo Wschodnie",
    "Mediterranean": "Mediterranean; Mittelmeer; Mittelmeerraum; Méditerranée; Mediterráneo; Mediterraneo; "
    "Morze Śródziemne; śródziemnomorski",
}
"""Macro-region names beside CLDR's (see :data:`CLDR_MACRO_REGIONS`), in the six product languages."""

MACRO_REGION_LABELS: dict[str, tuple[str, str, str, str, str]] = {
    "Central Europe": (
        "Mitteleuropa",
        "Europe centrale",
        "Europa Central",
        "Europa centrale",
        "Europa Środkowa",
    ),
    "Central and Eastern Europe": (
        "Mittel- und Osteuropa",
        "Europe centrale et orientale",
        "Europa Central y Oriental",
        "Europa centrale e orientale",
        "Europa Środkowo-Wschodnia",
    ),
    "Nordics": ("nordische Länder", "pays nordiques", "países nórdicos", "paesi nordici", "kraje nordyckie"),
    "Scandinavia": ("Skandinavien", "Scandinavie", "Escandinavia", "Scandinavia", "Skandynawia"),
    "Baltics": ("baltische Staaten", "pays baltes", "países bálticos", "paesi baltici", "kraje bałtyckie"),
    "Iberia": (
        "Iberische Halbinsel",
        "péninsule Ibérique",
        "península ibérica",
        "penisola iberica",
        "Półwysep Iberyjski",
    ),
    "Benelux": ("Benelux", "Benelux", "Benelux", "Benelux", "Benelux"),
    "Balkans": ("Balkan", "Balkans", "Balcanes", "Balcani", "Bałkany"),
    "Western Balkans": (
        "Westbalkan",
        "Balkans occidentaux",
        "Balcanes Occidentales",
        "Balcani occidentali",
        "Bałkany Zachodnie",
    ),
    "DACH": ("DACH-Region", "région DACH", "región DACH", "regione DACH", "region DACH"),
    "Visegrad": (
        "Visegrád-Staaten",
        "pays de Visegrád",
        "países de Visegrado",
        "paesi di Visegrád",
        "Grupa Wyszehradzka",
    ),
    "Eastern Partnership": (
        "Östliche Partnerschaft",
        "Partenariat oriental",
        "Asociación Oriental",
        "Partenariato orientale",
        "Partnerstwo Wschodnie",
    ),
    "Mediterranean": (
        "Mittelmeerraum",
        "Méditerranée",
        "Mediterráneo",
        "Mediterraneo",
        "basen Morza Śródziemnego",
    ),
}
"""The name an answer gives a macro-region in German, French, Spanish, Italian and Polish (in that
order) where CLDR has none; the regions of :data:`CLDR_MACRO_REGIONS` take CLDR's names."""

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

NOT_PLACE_WORDS: frozenset[str] = frozenset(
    "reunion la reunion granada man ira cada cadas oma lati samo toga gana kina tai sead viro norra "
    "iorua ruis chad chade cad czad guine mali malis niger jersey jordan dominica georgia indie kuba "
    "island".split()
)
"""Folded names (found by listing CLDR's short names in the EU languages) that are also ordinary
words or personal names in the product languages ("la réunion" is a meeting, "ira" anger, "cada"
each, "Granada" a Spanish city, "Chad" a first name): never read as a country in a question."""
