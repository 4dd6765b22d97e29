"""Each query sector's names in German, French, Spanish, Italian and Polish (English is in sectors.py).

Keyed by the sector labels of :data:`corpus.sectors.SECTOR_SYNONYMS`, which merges these phrases
into the one sector vocabulary. Phrases are matched as whole words on accent-folded text, so the
forms a question uses are listed (gender, number and, for Polish, the common cases: "rolno-spożywczy",
"rolno-spożywczych"); German compounds are read by :func:`corpus.sectors.split_compound`
("Lebensmittelcluster" → "Lebensmittel" + "cluster"). Words with another everyday meaning stay out
(French "mode", German "Handel", Spanish "medios").
"""

from __future__ import annotations

SECTOR_TRANSLATIONS: dict[str, str] = {
    "battery": (
        "Batterie; Batterien; Batteriezellen; Batteriespeicher; Energiespeicher; batterie; batteries; "
        "stockage d'énergie; batería; baterías; almacenamiento de energía; batteria; accumulo di energia; "
        "bateria; baterie; baterii; bateriach; akumulatory; akumulatorów; magazynowanie energii; "
        "magazyny energii"
    ),
    "hydrogen": (
        "Wasserstoff; Brennstoffzellen; Brennstoffzelle; Elektrolyseure; hydrogène; pile à combustible; "
        "piles à combustible; hidrógeno; pilas de combustible; idrogeno; celle a combustibile; wodór; "
        "wodoru; wodorem; wodorowy; wodorowe; wodorowych; ogniwa paliwowe"
    ),
    "Mobility-Transport-Automotive": (
        "Automobil; Automobilindustrie; Automobilbranche; Fahrzeuge; Fahrzeug; Elektrofahrzeuge; "
        "Elektromobilität; Mobilität; Verkehr; Logistik; automobile; véhicules; véhicule; "
        "véhicules électriques; mobilité; transports; logistique; ferroviaire; automoción; automóvil; "
        "vehículos; vehículo; vehículos eléctricos; movilidad; transporte; logística; ferroviario; "
        "automobilistico; veicoli; veicolo; veicoli elettrici; mobilità; trasporti; trasporto; logistica; "
        "motoryzacja; motoryzacji; motoryzacyjny; motoryzacyjne; motoryzacyjnych; pojazdy; pojazdów; "
        "pojazdy elektryczne; elektromobilność; mobilność; transportu; logistyka; logistyki; kolejowy; "
        "kolejowe; automobiles; automovilístico; automovilísticos; automovilística; motoryzacyjnej; "
        "motoryzacyjnego; motoryzacyjnym; transportowy; transportowe; transportowych; transportowej; "
        "logistyczny; logistyczne; logistycznych; logistycznej"
    ),
    "maritime": (
        "maritim; maritimen; Schifffahrt; Schiffbau; blaue Wirtschaft; maritimes; construction navale; "
        "économie bleue; marítimo; marítima; marítimos; construcción naval; economía azul; marittimo; "
        "marittima; marittimi; cantieristica navale; economia blu; morski; morskie; morskich; morskiej; "
        "gospodarka morska; gospodarki morskiej; przemysł stoczniowy; niebieska gospodarka"
    ),
    "Aerospace & Defence": (
        "Luft- und Raumfahrt; Luftfahrt; Verteidigung; Rüstung; aérospatial; aérospatiale; aéronautique; "
        "défense; aeroespacial; aeronáutica; aeronáutico; aviación; defensa; aerospaziale; aeronautica; "
        "aeronautico; aviazione; difesa; lotniczy; lotnicze; lotniczych; lotnictwo; lotnictwa; obronność; "
        "obronny; obronne; obronnych; przemysł obronny; aéronautiques; aérospatiaux; aérospatiales; "
        "aeroespaciales; aeronáuticos; aeronáuticas; aerospaziali; aeronautici; aeronautiche; lotniczej; "
        "lotniczego"
    ),
    "space": (
        "Raumfahrt; Weltraum; Satelliten; spatiale; espacial; satélites; spaziale; satelliti; kosmiczny; "
        "kosmiczne; kosmicznych; satelity; satelitarny; satelitarne"
    ),
    "drones": ("Drohnen; Drohne; droni; drony; dronów; bezzałogowe"),
    "Agri-food": (
        "Lebensmittel; Lebensmittelindustrie; Agrar- und Lebensmittel; Agrarlebensmittel; "
        "Ernährungswirtschaft; Landwirtschaft; Agrarwirtschaft; agroalimentaire; agroalimentaires; "
        "agro-alimentaire; agro-alimentaires; alimentaire; alimentation; agriculture; agricole; agricoles; "
        "agroalimentario; agroalimentaria; agroalimentarios; agroalimentarias; agroalimentación; "
        "alimentación; alimentos; agricultura; agrícola; agrícolas; agroalimentare; agroalimentari; "
        "agro-alimentare; alimentare; alimentari; agricoltura; agricolo; agricola; agricoli; "
        "rolno-spożywczy; rolno-spożywcze; rolno-spożywczych; rolno-spożywczego; rolno-spożywczym; "
        "rolno-spożywcza; spożywczy; spożywcze; spożywczych; żywność; żywności; rolnictwo; rolnictwa; "
        "rolnictwie"
    ),
    "Construction": (
        "Bauwesen; Bauwirtschaft; Baugewerbe; Bauindustrie; Gebäude; bâtiment; bâtiments; construcción; "
        "edificación; edificios; costruzioni; edilizia; edifici; budownictwo; budownictwa; budowlany; "
        "budowlane; budowlanych; budynki; Bau; Baubranche; BTP; bâtiment et travaux publics"
    ),
    "Cultural & Creative Industries": (
        "Kreativwirtschaft; Kultur- und Kreativwirtschaft; Medien; industries créatives; "
        "industries culturelles et créatives; médias; jeux vidéo; cinéma; industrias creativas; "
        "industrias culturales y creativas; videojuegos; cine; industrie creative; "
        "industrie culturali e creative; videogiochi; przemysły kreatywne; sektor kreatywny; gry; gier; "
        "przemysłów kreatywnych; przemysłu kreatywnego; kreatywny; kreatywne; kreatywnych"
    ),
    "Digital": (
        "Digitalisierung; digitale; digitalen; IKT; numérique; numériques; TIC; logiciel; logiciels; "
        "digitales; digitalización; digitali; digitalizzazione; cyfrowy; cyfrowe; cyfrowych; cyfryzacja; "
        "cyfryzacji; oprogramowanie"
    ),
    "AI": (
        "künstliche Intelligenz; künstlicher Intelligenz; KI; maschinelles Lernen; "
        "intelligence artificielle; IA; apprentissage automatique; inteligencia artificial; "
        "aprendizaje automático; intelligenza artificiale; apprendimento automatico; "
        "sztuczna inteligencja; sztucznej inteligencji; sztuczną inteligencją; uczenie maszynowe"
    ),
    "cybersecurity": (
        "Cybersicherheit; IT-Sicherheit; cybersécurité; ciberseguridad; cybersicurezza; "
        "sicurezza informatica; cyberbezpieczeństwo; cyberbezpieczeństwa; cyberbezpieczeństwie"
    ),
    "Electronics": (
        "Elektronik; Sensoren; Sensorik; électronique; capteurs; electrónica; sensores; elettronica; "
        "sensori; elektronika; elektroniki; czujniki; électroniques; electrónicos; electrónicas; "
        "elettronici; elettroniche; elektroniczny; elektroniczne; elektronicznych; elektronicznej"
    ),
    "semiconductors": (
        "Halbleiter; Mikroelektronik; semi-conducteurs; semiconducteurs; microélectronique; "
        "semiconductores; microelectrónica; semiconduttori; microelettronica; półprzewodniki; "
        "półprzewodników; mikroelektronika; mikroelektroniki"
    ),
    "photonics": (
        "Photonik; Optik; photonique; optique; fotónica; óptica; láseres; fotonica; ottica; fotonika; "
        "fotoniki; optyka; optyki; lasery; photoniques; optiques; laser; láser; fotónicos; "
        "ottici; fotoniczny; fotoniczne; fotonicznych; fotonicznej; optyczny; optyczne; optycznych; "
        "laserowy; laserowe; laserowych; laserów"
    ),
    "Energy-Intensive Industries": (
        "energieintensive Industrien; Chemie; chemische Industrie; chemischen Industrie; Chemieindustrie; "
        "Stahl; Zement; Keramik; Werkstoffe; industries énergivores; chimie; industrie chimique; acier; "
        "métallurgie; ciment; céramique; matériaux; "
        "industrias intensivas en energía; química; acero; metalurgia; cemento; cerámica; materiales; "
        "industrie energivore; chimica; acciaio; metallurgia; ceramica; materiali; przemysł energochłonny; "
        "chemia; chemiczny; chemiczne; chemicznych; stal; stali; hutnictwo; ceramika; materiały; materiałów"
    ),
    "plastics": (
        "Kunststoffe; Kunststoff; Verbundwerkstoffe; plastiques; plasturgie; plásticos; plastica; "
        "materie plastiche; compositi; tworzywa sztuczne; tworzyw sztucznych; kompozyty; Leichtbau; "
        "Faserverbund; Faserverbundwerkstoffe; Verbundwerkstoffen; matériaux composites; "
        "materiales compuestos; materiali compositi; kompozytów; kompozytowe; kompozytowych; "
        "materiały kompozytowe"
    ),
    "Renewable Energy": (
        "erneuerbare Energien; erneuerbare Energie; erneuerbaren Energien; Solarenergie; Photovoltaik; "
        "Windenergie; Windkraft; Geothermie; Bioenergie; saubere Energie; Energieeffizienz; "
        "énergies renouvelables; énergie renouvelable; renouvelables; solaire; photovoltaïque; "
        "énergie éolienne; éolien; éolienne; géothermie; bioénergie; énergie propre; "
        "efficacité énergétique; energías renovables; energía renovable; renovables; fotovoltaica; "
        "energía eólica; eólica; geotermia; bioenergía; energía limpia; eficiencia energética; "
        "energie rinnovabili; energia rinnovabile; rinnovabili; solare; fotovoltaico; energia eolica; "
        "eolico; bioenergia; energia pulita; efficienza energetica; odnawialne źródła energii; "
        "odnawialnych źródeł energii; OZE; energia odnawialna; energii odnawialnej; fotowoltaika; "
        "fotowoltaiki; energia wiatrowa; energetyka wiatrowa; czysta energia; efektywność energetyczna; "
        "efektywności energetycznej"
    ),
    "Health": (
        "Gesundheit; Gesundheitswesen; Medizintechnik; Medizinprodukte; Lebenswissenschaften; santé; "
        "dispositifs médicaux; technologies médicales; sciences de la vie; pharmaceutique; salud; sanidad; "
        "dispositivos médicos; tecnología médica; ciencias de la vida; farmacéutica; salute; sanità; "
        "dispositivi medici; tecnologie mediche; scienze della vita; farmaceutica; zdrowie; zdrowia; "
        "ochrona zdrowia; wyroby medyczne; technologie medyczne; nauki o życiu; farmacja; medyczny; "
        "medyczne; medycznych"
    ),
    "biotechnology": (
        "Biotechnologie; biotechnologies; biotecnología; biotecnologia; biotecnologie; biotechnologia; "
        "biotechnologii; biotecnológico; biotecnológicos; biotechnologiczny; biotechnologiczne; "
        "biotechnologicznych; biotechnologicznej"
    ),
    "Proximity & Social Economy": (
        "Sozialwirtschaft; Sozialunternehmen; économie sociale; économie sociale et solidaire; "
        "économie de proximité; economía social; economia sociale; ekonomia społeczna; "
        "ekonomii społecznej; przedsiębiorstwa społeczne"
    ),
    "Retail": (
        "Einzelhandel; commerce de détail; commerce en ligne; comercio minorista; comercio electrónico; "
        "commercio al dettaglio; vendita al dettaglio; commercio elettronico; handel detaliczny; "
        "handlu detalicznego"
    ),
    "Textile": (
        "Textil; Textilien; Textilindustrie; Bekleidung; Schuhe; Leder; habillement; chaussures; cuir; "
        "textil; moda; calzado; cuero; confección; tessile; tessili; abbigliamento; calzature; tekstylia; "
        "tekstylny; tekstylne; tekstylnych; odzież; odzieżowy; odzieżowe; obuwie"
    ),
    "Tourism": (
        "Tourismus; Fremdenverkehr; Gastgewerbe; tourisme; hôtellerie; turismo; hostelería; turístico; "
        "turísticos; turistico; turistici; ospitalità; turystyka; turystyki; turystyczny; turystyczne; "
        "turystycznych; hotelarstwo"
    ),
    "wood": (
        "Holz; Holzindustrie; Forstwirtschaft; Möbel; bois; filière bois; meubles; ameublement; madera; "
        "forestal; muebles; legno; forestale; mobili; arredo; drewno; drewna; drzewny; drzewne; leśnictwo; "
        "meble; meblarski; meblarskie"
    ),
    "water": (
        "Wasser; Wasserwirtschaft; Abwasser; eau; gestion de l'eau; eaux usées; agua; gestión del agua; "
        "aguas residuales; acqua; gestione delle acque; acque reflue; gospodarka wodna; ścieki; "
        "wodny; wodne; wodnych; wodnej"
    ),
    "circular economy": (
        "Kreislaufwirtschaft; Abfallwirtschaft; économie circulaire; recyclage; gestion des déchets; "
        "economía circular; reciclaje; gestión de residuos; economia circolare; riciclo; "
        "gestione dei rifiuti; gospodarka o obiegu zamkniętym; gospodarki o obiegu zamkniętym; GOZ; "
        "recykling; recyklingu; gospodarka odpadami"
    ),
    "advanced manufacturing": (
        "fortgeschrittene Fertigung; Industrie 4.0; Automatisierung; additive Fertigung; 3D-Druck; "
        "Maschinenbau; Mechatronik; fabrication avancée; automatisation; fabrication additive; "
        "impression 3D; mécatronique; fabricación avanzada; industria 4.0; automatización; "
        "fabricación aditiva; impresión 3D; maquinaria; mecatrónica; manifattura avanzata; automazione; "
        "manifattura additiva; stampa 3D; meccatronica; zaawansowana produkcja; przemysł 4.0; "
        "automatyzacja; automatyzacji; druk 3D; mechatronika; druku 3D; zaawansowanej produkcji; "
        "produkcji zaawansowanej; wytwarzanie przyrostowe; wytwarzania przyrostowego"
    ),
    "robotics": ("Robotik; Roboter; robotique; robótica; robotica; robotyka; robotyki; roboty"),
    "nanotechnology": (
        "Nanotechnologie; Nanotechnologien; Nanomaterialien; Graphen; nanotechnologies; nanomatériaux; "
        "graphène; nanotecnología; nanotecnologías; nanomateriales; grafeno; nanotecnologie; nanomateriali; "
        "grafene; nanotechnologia; nanotechnologii; nanotechnologią; nanomateriały; nanomateriałów; grafen; "
        "grafenu; grafenem"
    ),
}
"""Sector label → its names in the five other product languages ("; "-separated)."""

COMPOUND_TAILS: tuple[str, ...] = (
    "cluster", "clustern", "clusters", "branche", "industrie", "sektor", "bereich", "projekte", "projekten",
    "unternehmen", "firmen", "calls", "ausschreibungen", "förderung", "forschung", "technologie",
    "technologien", "wirtschaft", "netzwerk", "netzwerke", "partner",
)  # fmt: skip
"""German words that end compounds whose head names a sector ("Wasserstoffprojekte",
"Batteriecluster"): such a compound reads as the sector followed by the tail."""

SECTOR_LABELS: dict[str, tuple[str, str, str, str, str]] = {
    "battery": ("Batterien", "batteries", "baterías", "batterie", "baterie"),
    "hydrogen": ("Wasserstoff", "hydrogène", "hidrógeno", "idrogeno", "wodór"),
    "Mobility-Transport-Automotive": (
        "Mobilität, Verkehr und Automobil",
        "mobilité, transports et automobile",
        "movilidad, transporte y automoción",
        "mobilità, trasporti e settore automobilistico",
        "mobilność, transport i motoryzacja",
    ),
    "maritime": (
        "maritime Wirtschaft",
        "secteur maritime",
        "sector marítimo",
        "settore marittimo",
        "gospodarka morska",
    ),
    "Aerospace & Defence": (
        "Luft- und Raumfahrt und Verteidigung",
        "aérospatiale et défense",
        "aeroespacial y defensa",
        "aerospazio e difesa",
        "lotnictwo i obronność",
    ),
    "space": ("Raumfahrt", "secteur spatial", "sector espacial", "settore spaziale", "sektor kosmiczny"),
    "drones": ("Drohnen", "drones", "drones", "droni", "drony"),
    "Agri-food": (
        "Agrar- und Lebensmittelwirtschaft",
        "agroalimentaire",
        "agroalimentación",
        "agroalimentare",
        "sektor rolno-spożywczy",
    ),
    "Construction": ("Bauwirtschaft", "construction", "construcción", "edilizia", "budownictwo"),
    "Cultural & Creative Industries": (
        "Kultur- und Kreativwirtschaft",
        "industries culturelles et créatives",
        "industrias culturales y creativas",
        "industrie culturali e creative",
        "sektor kultury i sektor kreatywny",
    ),
    "Digital": ("Digitalwirtschaft", "numérique", "sector digital", "digitale", "sektor cyfrowy"),
    "AI": (
        "künstliche Intelligenz",
        "intelligence artificielle",
        "inteligencia artificial",
        "intelligenza artificiale",
        "sztuczna inteligencja",
    ),
    "cybersecurity": (
        "Cybersicherheit",
        "cybersécurité",
        "ciberseguridad",
        "cybersicurezza",
        "cyberbezpieczeństwo",
    ),
    "Electronics": ("Elektronik", "électronique", "electrónica", "elettronica", "elektronika"),
    "semiconductors": (
        "Halbleiter",
        "semi-conducteurs",
        "semiconductores",
        "semiconduttori",
        "półprzewodniki",
    ),
    "photonics": ("Photonik", "photonique", "fotónica", "fotonica", "fotonika"),
    "Energy-Intensive Industries": (
        "energieintensive Industrien",
        "industries à forte intensité énergétique",
        "industrias de gran consumo energético",
        "industrie ad alta intensità energetica",
        "przemysł energochłonny",
    ),
    "plastics": ("Kunststoffe", "matières plastiques", "plásticos", "materie plastiche", "tworzywa sztuczne"),
    "nanotechnology": (
        "Nanotechnologie",
        "nanotechnologies",
        "nanotecnología",
        "nanotecnologie",
        "nanotechnologia",
    ),
    "Renewable Energy": (
        "erneuerbare Energien",
        "énergies renouvelables",
        "energías renovables",
        "energie rinnovabili",
        "odnawialne źródła energii",
    ),
    "Health": ("Gesundheit", "santé", "salud", "salute", "ochrona zdrowia"),
    "biotechnology": (
        "Biotechnologie",
        "biotechnologies",
        "biotecnología",
        "biotecnologie",
        "biotechnologia",
    ),
    "Proximity & Social Economy": (
        "Nahversorgung und Sozialwirtschaft",
        "économie de proximité et économie sociale",
        "economía de proximidad y economía social",
        "economia di prossimità ed economia sociale",
        "gospodarka lokalna i społeczna",
    ),
    "Retail": (
        "Einzelhandel",
        "commerce de détail",
        "comercio minorista",
        "commercio al dettaglio",
        "handel detaliczny",
    ),
    "Textile": ("Textilwirtschaft", "textile", "textil", "tessile", "przemysł tekstylny"),
    "Tourism": ("Tourismus", "tourisme", "turismo", "turismo", "turystyka"),
    "wood": ("Holz", "bois", "madera", "legno", "drewno"),
    "water": ("Wasser", "eau", "agua", "acqua", "woda"),
    "circular economy": (
        "Kreislaufwirtschaft",
        "économie circulaire",
        "economía circular",
        "economia circolare",
        "gospodarka o obiegu zamkniętym",
    ),
    "advanced manufacturing": (
        "fortgeschrittene Fertigung",
        "fabrication avancée",
        "fabricación avanzada",
        "manifattura avanzata",
        "zaawansowana produkcja",
    ),
    "robotics": ("Robotik", "robotique", "robótica", "robotica", "robotyka"),
    "packaging": ("Verpackungen", "emballage", "envases y embalajes", "imballaggi", "opakowania"),
    "nuclear": ("Kernenergie", "nucléaire", "energía nuclear", "nucleare", "energetyka jądrowa"),
    "sport": ("Sport", "sport", "deporte", "sport", "sport"),
    "environment": ("Umwelt", "environnement", "medio ambiente", "ambiente", "środowisko"),
}
"""Sector label → the name an answer gives it in German, French, Spanish, Italian and Polish (in
that order; English answers show the label itself). Every label records are tagged with (the
ecosystems and technologies of :mod:`corpus.sectors`) has one."""

LABEL_LANGUAGES: tuple[str, ...] = ("de", "fr", "es", "it", "pl")
"""The languages of :data:`SECTOR_LABELS`' names, in their order."""


def _label_key(label: str) -> str:
    return " ".join(label.casefold().replace("&", "and").replace("-", " ").split())


_NAMES_BY_KEY = {_label_key(label): names for label, names in SECTOR_LABELS.items()}


def sector_label(label: str, lang: str) -> str:
    """The name of the sector ``label`` in an answer in ``lang``: "battery" → "Batterien" in German.

    English, and a label the table lacks (a sector a user's own profile states), give ``label``
    as it is.
    """
    names = _NAMES_BY_KEY.get(_label_key(label))
    if names is None or lang not in LABEL_LANGUAGES:
        return label
    return names[LABEL_LANGUAGES.index(lang)]
