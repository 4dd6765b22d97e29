"""Country names and codes: name → ISO 3166-1 alpha-2 (user files) and ISO2 → display name.

English short names for every code (from the IANA ``iso3166.tab``), plus native and common names
for the countries the bundled corpus covers (EU-27, EEA, candidates, neighbours, main partners).
"""

from __future__ import annotations

import re
import unicodedata

_ISO_NAMES = (
    "AD=Andorra; AE=United Arab Emirates; AF=Afghanistan; AG=Antigua & Barbuda; AI=Anguilla; AL=Albania; "
    "AM=Armenia; AO=Angola; AQ=Antarctica; AR=Argentina; AS=Samoa (American); AT=Austria; AU=Australia; "
    "AW=Aruba; AX=Åland Islands; AZ=Azerbaijan; BA=Bosnia & Herzegovina; BB=Barbados; BD=Bangladesh; "
    "BE=Belgium; BF=Burkina Faso; BG=Bulgaria; BH=Bahrain; BI=Burundi; BJ=Benin; BL=St Barthelemy; "
    "BM=Bermuda; BN=Brunei; BO=Bolivia; BQ=Caribbean NL; BR=Brazil; BS=Bahamas; BT=Bhutan; BV=Bouvet "
    "Island; BW=Botswana; BY=Belarus; BZ=Belize; CA=Canada; CC=Cocos (Keeling) Islands; CD=Congo (Dem. "
    "Rep.); CF=Central African Rep.; CG=Congo (Rep.); CH=Switzerland; CI=Côte d’Ivoire; CK=Cook Islands; "
    "CL=Chile; CM=Cameroon; CN=China; CO=Colombia; CR=Costa Rica; CU=Cuba; CV=Cape Verde; CW=Curaçao; "
    "CX=Christmas Island; CY=Cyprus; CZ=Czech Republic; DE=Germany; DJ=Djibouti; DK=Denmark; DM=Dominica; "
    "DO=Dominican Republic; DZ=Algeria; EC=Ecuador; EE=Estonia; EG=Egypt; EH=Western Sahara; ER=Eritrea; "
    "ES=Spain; ET=Ethiopia; FI=Finland; FJ=Fiji; FK=Falkland Islands; FM=Micronesia; FO=Faroe Islands; "
    "FR=France; GA=Gabon; GB=Britain (UK); GD=Grenada; GE=Georgia; GF=French Guiana; GG=Guernsey; "
    "GH=Ghana; GI=Gibraltar; GL=Greenland; GM=Gambia; GN=Guinea; GP=Guadeloupe; GQ=Equatorial Guinea; "
    "GR=Greece; GS=South Georgia & the South Sandwich Islands; GT=Guatemala; GU=Guam; GW=Guinea-Bissau; "
    "GY=Guyana; HK=Hong Kong; HM=Heard Island & McDonald Islands; HN=Honduras; HR=Croatia; HT=Haiti; "
    "HU=Hungary; ID=Indonesia; IE=Ireland; IL=Israel; IM=Isle of Man; IN=India; IO=British Indian Ocean "
    "Territory; IQ=Iraq; IR=Iran; IS=Iceland; IT=Italy; JE=Jersey; JM=Jamaica; JO=Jordan; JP=Japan; "
    "KE=Kenya; KG=Kyrgyzstan; KH=Cambodia; KI=Kiribati; KM=Comoros; KN=St Kitts & Nevis; KP=Korea "
    "(North); KR=Korea (South); KW=Kuwait; KY=Cayman Islands; KZ=Kazakhstan; LA=Laos; LB=Lebanon; LC=St "
    "Lucia; LI=Liechtenstein; LK=Sri Lanka; LR=Liberia; LS=Lesotho; LT=Lithuania; LU=Luxembourg; "
    "LV=Latvia; LY=Libya; MA=Morocco; MC=Monaco; MD=Moldova; ME=Montenegro; MF=St Martin (French); "
    "MG=Madagascar; MH=Marshall Islands; MK=North Macedonia; ML=Mali; MM=Myanmar (Burma); MN=Mongolia; "
    "MO=Macau; MP=Northern Mariana Islands; MQ=Martinique; MR=Mauritania; MS=Montserrat; MT=Malta; "
    "MU=Mauritius; MV=Maldives; MW=Malawi; MX=Mexico; MY=Malaysia; MZ=Mozambique; NA=Namibia; NC=New "
    "Caledonia; NE=Niger; NF=Norfolk Island; NG=Nigeria; NI=Nicaragua; NL=Netherlands; NO=Norway; "
    "NP=Nepal; NR=Nauru; NU=Niue; NZ=New Zealand; OM=Oman; PA=Panama; PE=Peru; PF=French Polynesia; "
    "PG=Papua New Guinea; PH=Philippines; PK=Pakistan; PL=Poland; PM=St Pierre & Miquelon; PN=Pitcairn; "
    "PR=Puerto Rico; PS=Palestine; PT=Portugal; PW=Palau; PY=Paraguay; QA=Qatar; RE=Réunion; RO=Romania; "
    "RS=Serbia; RU=Russia; RW=Rwanda; SA=Saudi Arabia; SB=Solomon Islands; SC=Seychelles; SD=Sudan; "
    "SE=Sweden; SG=Singapore; SH=St Helena; SI=Slovenia; SJ=Svalbard & Jan Mayen; SK=Slovakia; SL=Sierra "
    "Leone; SM=San Marino; SN=Senegal; SO=Somalia; SR=Suriname; SS=South Sudan; ST=Sao Tome & Principe; "
    "SV=El Salvador; SX=St Maarten (Dutch); SY=Syria; SZ=Eswatini (Swaziland); TC=Turks & Caicos Is; "
    "TD=Chad; TF=French S. Terr.; TG=Togo; TH=Thailand; TJ=Tajikistan; TK=Tokelau; TL=East Timor; "
    "TM=Turkmenistan; TN=Tunisia; TO=Tonga; TR=Turkey; TT=Trinidad & Tobago; TV=Tuvalu; TW=Taiwan; "
    "TZ=Tanzania; UA=Ukraine; UG=Uganda; UM=US minor outlying islands; US=United States; UY=Uruguay; "
    "UZ=Uzbekistan; VA=Vatican City; VC=St Vincent; VE=Venezuela; VG=Virgin Islands (UK); VI=Virgin "
    "Islands (US); VN=Vietnam; VU=Vanuatu; WF=Wallis & Futuna; WS=Samoa (western); YE=Yemen; YT=Mayotte; "
    "ZA=South Africa; ZM=Zambia; ZW=Zimbabwe "
)

# Native names, official names and common variants; keys are matched after normalisation.
_VARIANTS: dict[str, str] = {
    "AL": "Shqipëria; Shqiperia",
    "AT": "Österreich; Oesterreich",
    "BA": "Bosnia and Herzegovina; Bosna i Hercegovina",
    "BE": "Belgique; België; Belgien",
    "BG": "България; Bulgaria; Balgariya",
    "CH": "Schweiz; Suisse; Svizzera",
    "CY": "Κύπρος; Kypros; Kıbrıs",
    "CZ": "Czechia; Česko; Česká republika",
    "DE": "Deutschland; Federal Republic of Germany; Allemagne",
    "DK": "Danmark",
    "EE": "Eesti",
    "ES": "España; Espana; Espanya",
    "FI": "Suomi",
    "FR": "République française",
    "GB": "United Kingdom; UK; Great Britain; Britain; England; Scotland; Wales; Northern Ireland",
    "GE": "Sakartvelo",
    "GR": "Ελλάδα; Ellada; Hellas; Hellenic Republic; EL",
    "HR": "Hrvatska",
    "HU": "Magyarország; Magyarorszag",
    "IE": "Éire; Eire",
    "IS": "Ísland",
    "IT": "Italia",
    "LT": "Lietuva",
    "LU": "Lëtzebuerg; Luxemburg",
    "LV": "Latvija",
    "MD": "Republic of Moldova; Moldova, Republic of",
    "ME": "Crna Gora",
    "MK": "Macedonia; Северна Македонија; Severna Makedonija",
    "MT": "Malta",
    "NL": "Nederland; The Netherlands; Holland",
    "NO": "Norge; Noreg",
    "PL": "Polska",
    "PT": "Portuguesa",
    "RO": "România",
    "RS": "Србија; Srbija",
    "SE": "Sverige",
    "SI": "Slovenija",
    "SK": "Slovensko; Slovak Republic",
    "TR": "Türkiye; Turkiye",
    "UA": "Україна; Ukraina",
    "US": "USA; United States of America; U.S.; U.S.A.; America",
    "XK": "Kosovo; Kosova",
    "KR": "South Korea; Republic of Korea",
    "KP": "North Korea",
    "CN": "People's Republic of China; PRC",
    "TW": "Chinese Taipei",
    "RU": "Russian Federation",
    "CI": "Ivory Coast; Côte d'Ivoire",
    "CV": "Cabo Verde",
}


def _normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("&", " and "))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def _build() -> tuple[frozenset[str], dict[str, str]]:
    codes: set[str] = {"XK"}  # Kosovo: user-assigned code, used by the EU and by the ECCP registry
    lookup: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for entry in "".join(_ISO_NAMES).split(";"):
        if "=" not in entry:
            continue
        code, name = (part.strip() for part in entry.split("=", 1))
        codes.add(code)
        lookup[_normalise(name)] = code
        # "Myanmar (Burma)" → also "Myanmar"; ambiguous ones ("Korea", "Congo") are dropped below.
        short.setdefault(_normalise(re.sub(r"\s*\(.*\)", "", name)), set()).add(code)
    for name, found in short.items():
        if len(found) == 1:
            lookup.setdefault(name, next(iter(found)))
    for code, names in _VARIANTS.items():
        for name in names.split(";"):
            if name.strip() and code in codes:
                lookup[_normalise(name)] = code
    return frozenset(codes), lookup


ISO2_CODES, _LOOKUP = _build()
_ENGLISH_NAMES = {
    entry.split("=", 1)[0].strip(): entry.split("=", 1)[1].strip() for entry in _ISO_NAMES.split("; ")
}
_DISPLAY_NAMES = {
    "BA": "Bosnia and Herzegovina",
    "CZ": "Czechia",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "TR": "Türkiye",
    "XK": "Kosovo",
}


def country_name(iso2: str | None) -> str | None:
    """English display name of an ISO2 code, or the code itself when unknown (None stays None)."""
    if iso2 is None:
        return None
    code = iso2.upper()
    return _DISPLAY_NAMES.get(code) or _ENGLISH_NAMES.get(code, code)


def country_to_iso2(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a code or a country name (English, native or common), else None.

    Two-letter input is taken as a code (``uk`` → GB, ``el`` → GR as the EU writes Greece);
    anything else as a name: ``Germany``, ``Deutschland`` and ``Allemagne`` all give ``DE``.
    """
    stripped = value.strip()
    if len(stripped) == 2 and stripped.isalpha():
        code = stripped.upper()
        aliases = {"UK": "GB", "EL": "GR"}
        code = aliases.get(code, code)
        return code if code in ISO2_CODES else None
    return _LOOKUP.get(_normalise(stripped))
