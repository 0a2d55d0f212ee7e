"""A multilingual table of countries, regions, cities and a few news organisations.

Country names in zh, ja, ru, de, es, fr come from pycountry's translation catalogues; what news
needs and pycountry lacks (short forms, continents, major cities, English demonyms, the Chinese and
Japanese one-character abbreviations inside compounds such as 日俄 or 中美) is in the tables below.
Everything is built on first use and cached; ``find_source``/``find_target`` return the places
named in a text with their character offsets.
"""
from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from .. import lang as language

LANGS = ("en", "zh", "ja", "ru", "de", "es", "fr")
_CATALOGUE = {"zh": "zh_CN", "ja": "ja", "ru": "ru", "de": "de", "es": "es", "fr": "fr"}
CJK_LANGS = ("zh", "ja")


@dataclass(frozen=True)
class Place:
    """One named place or body; ``names[lang]`` lists its names, the first one for messages."""

    key: str
    kind: str  # country, region, city, province, org, body
    names: Mapping[str, tuple[str, ...]]
    #: Names of related places that also count as a counterpart (Washington for the US).
    related: tuple[str, ...] = ()

    def display(self, lang: str) -> str:
        names = self.names.get(lang) or self.names.get("en") or (self.key,)
        return names[0]


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    #: A demonym or adjective ("Russian"): evidence of the place, but weak evidence of an addition.
    adjective: bool = False
    #: Named by an abbreviation inside a compound (日俄, 美方), not by its full name.
    abbreviated: bool = False


def _place_hit(start: int, end: int, text: str, keys: tuple[str, ...], adjective: bool = False,
               abbreviated: bool = False) -> PlaceHit:
    """``PlaceHit(...)``: the same object, its fields set at once rather than one by one through
    the frozen dataclass's ``object.__setattr__`` (PlaceHit has no __post_init__ and no slots)."""
    hit = object.__new__(PlaceHit)
    hit.__dict__.update(start=start, end=end, text=text, keys=keys, adjective=adjective, abbreviated=abbreviated)
    return hit


assert _place_hit(0, 2, "US", ("US",), True) == PlaceHit(0, 2, "US", ("US",), True) and vars(
    _place_hit(0, 2, "US", ("US",))) == vars(PlaceHit(0, 2, "US", ("US",)))


# --- hand tables ------------------------------------------------------------------------------
# Extra names of countries, by ISO alpha-2: en|zh|ja|ru|de|es|fr (";" separates names).
_COUNTRY_EXTRA = """
US|United States;US;U.S.;USA;U.S.A.;America;United States of America|美国;美利坚|アメリカ;米国;アメリカ合衆国|США;Соединённые Штаты;Соединенные Штаты;Америка|USA;US;Vereinigten Staaten;Amerika|EE. UU.;EEUU;EE.UU.;Estados Unidos|États-Unis;Etats-Unis;Amérique
ZA|South Africa|南非|南アフリカ;南ア|ЮАР;Южная Африка|Südafrika|Sudáfrica|Afrique du Sud
BA|Bosnia and Herzegovina;Bosnia|波黑;波斯尼亚和黑塞哥维那|ボスニア・ヘルツェゴビナ;ボスニア|Босния и Герцеговина;Босния|Bosnien und Herzegowina;Bosnien|Bosnia y Herzegovina|Bosnie-Herzégovine
GB|United Kingdom;UK;U.K.;Britain;Great Britain;England|英国;大不列颠;英格兰|イギリス;英国;イングランド|Великобритания;Британия;Англия|Großbritannien;Vereinigtes Königreich;UK|Reino Unido;Gran Bretaña|Royaume-Uni;Grande-Bretagne
RU|Russia;Russian Federation|俄罗斯;俄罗斯联邦;俄国|ロシア;ロシア連邦|Россия;Российская Федерация;РФ|Russland|Rusia|Russie
KR|South Korea;Korea;Republic of Korea;ROK|韩国;大韩民国;南韩|韓国;大韓民国|Южная Корея;Республика Корея|Südkorea|Corea del Sur|Corée du Sud
KP|North Korea;DPRK;Democratic People's Republic of Korea|朝鲜;北韩|北朝鮮|Северная Корея;КНДР|Nordkorea|Corea del Norte|Corée du Nord
CN|China;People's Republic of China;PRC;Mainland China|中国;中华人民共和国;中国大陆|中国;中華人民共和国|Китай;КНР|China;Volksrepublik China|China|Chine
TW|Taiwan|台湾;台灣|台湾|Тайвань|Taiwan|Taiwán|Taïwan
HK|Hong Kong|香港|香港|Гонконг|Hongkong|Hong Kong|Hong Kong
MO|Macau;Macao|澳门|マカオ|Макао|Macau|Macao|Macao
JP|Japan|日本|日本|Япония|Japan|Japón|Japon
DE|Germany|德国|ドイツ|Германия;ФРГ|Deutschland;BRD|Alemania|Allemagne
FR|France|法国|フランス|Франция|Frankreich|Francia|France
IT|Italy|意大利|イタリア|Италия|Italien|Italia|Italie
ES|Spain|西班牙|スペイン|Испания|Spanien|España|Espagne
TR|Turkey;Türkiye;Turkiye|土耳其|トルコ|Турция|Türkei|Turquía|Turquie
IR|Iran|伊朗|イラン|Иран|Iran|Irán|Iran
SY|Syria|叙利亚|シリア|Сирия|Syrien|Siria|Syrie
VN|Vietnam;Viet Nam|越南|ベトナム|Вьетнам|Vietnam|Vietnam|Viêt Nam;Vietnam
LA|Laos|老挝|ラオス|Лаос|Laos|Laos|Laos
BO|Bolivia|玻利维亚|ボリビア|Боливия|Bolivien|Bolivia|Bolivie
VE|Venezuela|委内瑞拉|ベネズエラ|Венесуэла|Venezuela|Venezuela|Venezuela
TZ|Tanzania|坦桑尼亚|タンザニア|Танзания|Tansania|Tanzania|Tanzanie
MD|Moldova|摩尔多瓦|モルドバ|Молдавия;Молдова|Moldau;Moldawien|Moldavia|Moldavie
CZ|Czech Republic;Czechia|捷克|チェコ|Чехия|Tschechien|Chequia;República Checa|Tchéquie;République tchèque
NL|Netherlands;Holland|荷兰|オランダ|Нидерланды;Голландия|Niederlande;Holland|Países Bajos;Holanda|Pays-Bas;Hollande
PS|Palestine;Palestinian territories|巴勒斯坦|パレスチナ|Палестина|Palästina|Palestina|Palestine
CD|Democratic Republic of the Congo;DRC;DR Congo|刚果（金）;刚果民主共和国|コンゴ民主共和国|ДР Конго|Kongo|Congo|Congo
MM|Myanmar;Burma|缅甸|ミャンマー|Мьянма|Myanmar|Myanmar|Birmanie
CI|Ivory Coast;Côte d'Ivoire|科特迪瓦|コートジボワール|Кот-д’Ивуар|Elfenbeinküste|Costa de Marfil|Côte d'Ivoire
MK|North Macedonia;Macedonia|北马其顿|北マケドニア|Северная Македония|Nordmazedonien|Macedonia del Norte|Macédoine du Nord
VA|Vatican;Holy See;Vatican City|梵蒂冈|バチカン|Ватикан|Vatikan|Vaticano|Vatican
BN|Brunei|文莱|ブルネイ|Бруней|Brunei|Brunéi|Brunei
AE|United Arab Emirates;UAE|阿联酋;阿拉伯联合酋长国|アラブ首長国連邦;UAE|ОАЭ|Vereinigte Arabische Emirate;VAE|Emiratos Árabes Unidos|Émirats arabes unis
SA|Saudi Arabia|沙特;沙特阿拉伯|サウジアラビア|Саудовская Аравия|Saudi-Arabien|Arabia Saudita|Arabie saoudite
IN|India|印度|インド|Индия|Indien|India|Inde
PH|Philippines|菲律宾|フィリピン|Филиппины|Philippinen|Filipinas|Philippines
AU|Australia|澳大利亚;澳洲|オーストラリア;豪州|Австралия|Australien|Australia|Australie
NZ|New Zealand|新西兰|ニュージーランド|Новая Зеландия|Neuseeland|Nueva Zelanda|Nouvelle-Zélande
UA|Ukraine|乌克兰|ウクライナ|Украина|Ukraine|Ucrania|Ukraine
BY|Belarus|白俄罗斯|ベラルーシ|Белоруссия;Беларусь|Belarus;Weißrussland|Bielorrusia|Biélorussie
GE|Georgia|格鲁吉亚|ジョージア;グルジア|Грузия|Georgien|Georgia|Géorgie
"""

#: English adjectives and demonyms, by key.
_EN_ADJECTIVES = """
city:Rome:Roman;Romans|region:Scotland:Scottish;Scots|region:Wales:Welsh|region:Northern Ireland:Northern Irish|US:American;Americans|GB:British;Briton;Britons;English|RU:Russian;Russians|CN:Chinese;Sino|JP:Japanese
KR:Korean;South Korean;Koreans|KP:North Korean;Korean|DE:German;Germans|FR:French|IT:Italian;Italians
ES:Spanish;Spaniard;Spaniards|TR:Turkish;Turk;Turks|IR:Iranian;Iranians|SY:Syrian;Syrians|VN:Vietnamese
UA:Ukrainian;Ukrainians|BY:Belarusian;Belarussian;Byelorussian|PL:Polish;Pole;Poles|IN:Indian;Indians|PK:Pakistani|AF:Afghan
IQ:Iraqi|IL:Israeli;Israelis|EG:Egyptian|SA:Saudi|PH:Philippine;Filipino;Filipinos|TH:Thai|ID:Indonesian
MY:Malaysian|SG:Singaporean|AU:Australian;Aussie|NZ:New Zealand|CA:Canadian;Canadians|MX:Mexican
BR:Brazilian|AR:Argentine;Argentinian;Argentinean|CL:Chilean|PE:Peruvian|CO:Colombian|VE:Venezuelan
CU:Cuban|HT:Haitian|BE:Belgian|NL:Dutch|CH:Swiss|AT:Austrian|SE:Swedish;Swede|NO:Norwegian
DK:Danish;Dane|FI:Finnish;Finn|IE:Irish|PT:Portuguese|GR:Greek|HU:Hungarian|CZ:Czech|SK:Slovak
RO:Romanian|BG:Bulgarian|RS:Serbian;Serb|HR:Croatian;Croat|LT:Lithuanian|LV:Latvian|EE:Estonian
KZ:Kazakh;Kazakhstani|MN:Mongolian|NP:Nepali;Nepalese|BD:Bangladeshi|LK:Sri Lankan|MM:Burmese;Myanmar
KH:Cambodian|LA:Laotian;Lao|NG:Nigerian|ZA:South African|KE:Kenyan|ET:Ethiopian|MA:Moroccan
DZ:Algerian|TN:Tunisian|LY:Libyan|SD:Sudanese|JO:Jordanian|LB:Lebanese|QA:Qatari|KW:Kuwaiti
YE:Yemeni|AE:Emirati|PS:Palestinian;Palestinians|TW:Taiwanese|HK:Hong Konger;Hongkonger
region:Europe:European;Europeans|region:Asia:Asian;Asians|region:Africa:African;Africans
region:EU:European|region:Latin America:Latin American|region:Arctic:Arctic|region:Mediterranean:Mediterranean
region:Middle East:Middle Eastern|state:Soviet Union:Soviet;Soviets|body:Christianity:Christian;Christians|body:Islam:Islamic;Muslim;Muslims
"""

# Regions, cities, organisations and other names news uses: key|kind|en|zh|ja|ru|de|es|fr|related.
# An empty de/es/fr field means "as in English".
_PLACES = """
state:Soviet Union|country|Soviet Union;USSR;Soviet|苏联|ソ連;ソビエト連邦;ソビエト|СССР;Советский Союз|Sowjetunion;UdSSR|Unión Soviética;URSS|Union soviétique;URSS|RU
region:Europe|region|Europe|欧洲;欧陆|ヨーロッパ;欧州|Европа|Europa|Europa|Europe|region:EU
region:EU|org|European Union;EU|欧盟|欧州連合;EU|Евросоюз;Европейский союз;ЕС|Europäische Union;EU|Unión Europea;UE|Union européenne;UE|region:Europe
region:Asia|region|Asia|亚洲|アジア|Азия|Asien|Asia|Asie|
region:Africa|region|Africa|非洲|アフリカ|Африка|Afrika|África|Afrique|
region:America|region|Americas;America|美洲|アメリカ大陸|Америка|Amerika|América|Amérique|
region:North America|region|North America|北美;北美洲|北米|Северная Америка|Nordamerika|América del Norte;Norteamérica|Amérique du Nord|
region:South America|region|South America|南美;南美洲|南米|Южная Америка|Südamerika|América del Sur;Sudamérica|Amérique du Sud|
region:Latin America|region|Latin America|拉美;拉丁美洲|ラテンアメリカ;中南米|Латинская Америка|Lateinamerika|América Latina;Latinoamérica|Amérique latine|
region:Central America|region|Central America|中美洲|中米|Центральная Америка|Mittelamerika;Zentralamerika|Centroamérica;América Central|Amérique centrale|
region:Central Africa|region|Central Africa;Central African Republic;CAR|中非|中部アフリカ|Центральная Африка|Zentralafrika|África Central|Afrique centrale|region:Africa;CF;CN
region:Oceania|region|Oceania|大洋洲|オセアニア|Океания|Ozeanien|Oceanía|Océanie|
region:South China Sea|region|South China Sea|南海;南中国海|南シナ海|Южно-Китайское море|Südchinesisches Meer|Mar de China Meridional|mer de Chine méridionale|CN
region:East China Sea|region|East China Sea|东海|東シナ海|Восточно-Китайское море|Ostchinesisches Meer|Mar de China Oriental|mer de Chine orientale|CN
org:CPC|org|Communist Party of China;Chinese Communist Party;CPC;CCP|中共;中国共产党|中国共産党|Коммунистическая партия Китая;КПК|Kommunistische Partei Chinas;KPCh|Partido Comunista de China|Parti communiste chinois|CN
region:Scotland|province|Scotland|苏格兰|スコットランド|Шотландия|Schottland|Escocia|Écosse|GB
region:Wales|province|Wales|威尔士|ウェールズ|Уэльс|Wales|Gales;País de Gales|pays de Galles|GB
region:Northern Ireland|province|Northern Ireland|北爱尔兰|北アイルランド|Северная Ирландия|Nordirland|Irlanda del Norte|Irlande du Nord|GB
region:Antarctica|region|Antarctica;Antarctic|南极洲;南极|南極|Антарктида;Антарктика|Antarktis|Antártida|Antarctique|
region:Arctic|region|Arctic|北极|北極|Арктика|Arktis|Ártico|Arctique|
region:Middle East|region|Middle East|中东|中東|Ближний Восток|Nahost;Naher Osten|Oriente Medio;Medio Oriente|Moyen-Orient|
region:Southeast Asia|region|Southeast Asia;South-East Asia|东南亚|東南アジア|Юго-Восточная Азия|Südostasien|Sudeste Asiático|Asie du Sud-Est|
region:Northeast Asia|region|Northeast Asia;North-East Asia|东北亚|北東アジア|Северо-Восточная Азия|Nordostasien|Noreste de Asia|Asie du Nord-Est|
region:East Asia|region|East Asia|东亚|東アジア|Восточная Азия|Ostasien|Asia Oriental|Asie de l'Est|
region:Central Asia|region|Central Asia|中亚|中央アジア|Центральная Азия|Zentralasien|Asia Central|Asie centrale|
region:South Asia|region|South Asia|南亚|南アジア|Южная Азия|Südasien|Asia del Sur|Asie du Sud|
region:Indo-Pacific|region|Indo-Pacific|印太|インド太平洋|Индо-Тихоокеанский регион|Indopazifik|Indo-Pacífico|Indo-Pacifique|
region:Asia-Pacific|region|Asia-Pacific;Asia Pacific|亚太|アジア太平洋|АТР;Азиатско-Тихоокеанский регион|Asien-Pazifik|Asia-Pacífico|Asie-Pacifique|
region:Caribbean|region|Caribbean|加勒比|カリブ|Карибский бассейн|Karibik|Caribe|Caraïbes|
region:Balkans|region|Balkans|巴尔干|バルカン|Балканы|Balkan|Balcanes|Balkans|
region:Mediterranean|region|Mediterranean|地中海|地中海|Средиземноморье;Средиземное море|Mittelmeer|Mediterráneo|Méditerranée|
region:Pacific|region|Pacific|太平洋|太平洋|Тихий океан|Pazifik|Pacífico|Pacifique|
region:Atlantic|region|Atlantic|大西洋|大西洋|Атлантика;Атлантический океан|Atlantik|Atlántico|Atlantique|
region:Indian Ocean|region|Indian Ocean|印度洋|インド洋|Индийский океан|Indischer Ozean|Océano Índico|Océan Indien|
region:Siberia|region|Siberia|西伯利亚|シベリア|Сибирь|Sibirien|Siberia|Sibérie|
region:Crimea|region|Crimea|克里米亚|クリミア|Крым|Krim|Crimea|Crimée|
region:Gaza|region|Gaza|加沙|ガザ|Газа|Gaza|Gaza|Gaza|
region:Tibet|province|Tibet;Xizang|西藏|チベット|Тибет|Tibet|Tíbet|Tibet|CN-XZ
region:Kuril Islands|region|Kuril Islands;Kurils;Kurile Islands|千岛群岛|千島列島|Курильские острова;Курилы|Kurilen|Islas Kuriles|Îles Kouriles|
region:South Kuril Islands|region|South Kuril Islands;Southern Kurils;Southern Kuril Islands;Northern Territories|南千岛群岛;北方四岛|北方領土;南千島|Южные Курилы|Südkurilen|Kuriles del Sur|Kouriles du Sud|region:Kuril Islands
region:Hong Kong Island|region|Hong Kong Island|香港岛|香港島|остров Гонконг|Hong Kong Island|Isla de Hong Kong|Île de Hong Kong|HK
body:Earth|body|Earth;planet|地球|地球|Земля|Erde|Tierra|Terre|
body:Milky Way|body|Milky Way;Galaxy;galaxy|银河系;银河|銀河系;天の川|Млечный Путь|Milchstraße|Vía Láctea|Voie lactée|
body:Moon|body|Moon;moon;lunar|月球|月面|Луна|Mond|Luna|Lune|
body:Mars|body|Mars;Martian|火星|火星|Марс|Mars|Marte|Mars|
body:Christianity|body|Christianity;Christ;Jesus|基督;基督教|キリスト;キリスト教|Христос;христианство|Christus;Christentum|Cristo;cristianismo|Christ;christianisme|
body:Islam|body|Islam|伊斯兰教|イスラム教|ислам|Islam|islam|islam|
org:Islamic State|org|Islamic State;ISIS;ISIL;IS;Daesh|伊斯兰国|イスラム国|ИГИЛ;Исламское государство|Islamischer Staat;IS|Estado Islámico;EI|État islamique;EI|
org:UN|org|United Nations;UN;U.N.|联合国|国連;国際連合|ООН|Vereinte Nationen;UNO;UN|Naciones Unidas;ONU|Nations unies;ONU|
org:NATO|org|NATO;North Atlantic Treaty Organization|北约|NATO;北大西洋条約機構|НАТО|NATO|OTAN|OTAN|
org:WHO|org|World Health Organization;WHO|世卫组织;世界卫生组织|世界保健機関;WHO|ВОЗ|Weltgesundheitsorganisation;WHO|Organización Mundial de la Salud;OMS|Organisation mondiale de la santé;OMS|
org:ASEAN|org|ASEAN;Association of Southeast Asian Nations|东盟|東南アジア諸国連合;ASEAN|АСЕАН|ASEAN|ASEAN|ASEAN|
org:Xinhua|org|Xinhua|新华社;新华通讯社|新華社|Синьхуа|Xinhua|Xinhua|Xinhua|
org:China News|org|China News Service;China News;Chinanews;China News Network;CNS|中新网;中新社;中国新闻社;中国新闻网|中国新聞社|Чжунго Синьвэнь|China News Service|China News Service|China News Service|CN
org:Beijing Stock Exchange|org|Beijing Stock Exchange;BSE;Beijing Exchange|北交所;北京证券交易所|北京証券取引所|Пекинская фондовая биржа|Pekinger Börse|Bolsa de Pekín|Bourse de Pékin|city:Beijing
org:Kremlin|org|Kremlin|克里姆林宫|クレムリン|Кремль|Kreml|Kremlin|Kremlin|RU
org:White House|org|White House|白宫|ホワイトハウス|Белый дом|Weißes Haus|Casa Blanca|Maison Blanche|US
org:Pentagon|org|Pentagon|五角大楼|国防総省;ペンタゴン|Пентагон|Pentagon|Pentágono|Pentagone|US
river:Yangtze|region|Yangtze;Yangtze River;Chang Jiang|长江|長江;揚子江|Янцзы|Jangtsekiang|Yangtsé|Yangzi Jiang|
river:Yellow River|region|Yellow River|黄河|黄河|Хуанхэ|Gelber Fluss|río Amarillo|fleuve Jaune|
city:Beijing|city|Beijing;Peking|北京|北京|Пекин|Peking|Pekín|Pékin|CN
city:Shanghai|city|Shanghai|上海|上海|Шанхай|Shanghai|Shanghái|Shanghai|CN-SH
city:Guangzhou|city|Guangzhou;Canton|广州|広州|Гуанчжоу|Guangzhou|Cantón|Canton|
city:Shenzhen|city|Shenzhen|深圳|深セン|Шэньчжэнь|Shenzhen|Shenzhen|Shenzhen|
city:Wuhan|city|Wuhan|武汉|武漢|Ухань|Wuhan|Wuhan|Wuhan|
city:Chengdu|city|Chengdu|成都|成都|Чэнду|Chengdu|Chengdu|Chengdu|
city:Hangzhou|city|Hangzhou|杭州|杭州|Ханчжоу|Hangzhou|Hangzhou|Hangzhou|
city:Nanjing|city|Nanjing;Nanking|南京|南京|Нанкин|Nanjing|Nankín|Nankin|
city:Xi'an|city|Xi'an;Xian|西安|西安|Сиань|Xi’an|Xi'an|Xi'an|
city:Urumqi|city|Urumqi;Ürümqi|乌鲁木齐|ウルムチ|Урумчи|Ürümqi|Urumqi|Ürümqi|
city:Lhasa|city|Lhasa|拉萨|ラサ|Лхаса|Lhasa|Lhasa|Lhassa|
city:Harbin|city|Harbin|哈尔滨|ハルビン|Харбин|Harbin|Harbin|Harbin|
city:Taipei|city|Taipei|台北|台北|Тайбэй|Taipeh|Taipéi|Taipei|TW
city:Tokyo|city|Tokyo|东京|東京|Токио|Tokio|Tokio|Tokyo|JP
city:Osaka|city|Osaka|大阪|大阪|Осака|Osaka|Osaka|Osaka|
city:Kyoto|city|Kyoto|京都|京都|Киото|Kyōto;Kyoto|Kioto|Kyoto|
city:Seoul|city|Seoul|首尔;汉城|ソウル|Сеул|Seoul|Seúl|Séoul|KR
city:Pyongyang|city|Pyongyang|平壤|平壌|Пхеньян|Pjöngjang|Pionyang|Pyongyang|KP
city:Moscow|city|Moscow|莫斯科|モスクワ|Москва|Moskau|Moscú|Moscou|RU
city:Saint Petersburg|city|Saint Petersburg;St. Petersburg;St Petersburg|圣彼得堡|サンクトペテルブルク|Санкт-Петербург;Петербург|Sankt Petersburg|San Petersburgo|Saint-Pétersbourg|
city:Vladivostok|city|Vladivostok|符拉迪沃斯托克;海参崴|ウラジオストク|Владивосток|Wladiwostok|Vladivostok|Vladivostok|
city:Khabarovsk|city|Khabarovsk|哈巴罗夫斯克|ハバロフスク|Хабаровск|Chabarowsk|Jabárovsk|Khabarovsk|
city:Kyiv|city|Kyiv;Kiev|基辅|キーウ;キエフ|Киев|Kiew|Kiev|Kiev|UA
city:Minsk|city|Minsk|明斯克|ミンスク|Минск|Minsk|Minsk|Minsk|BY
city:Warsaw|city|Warsaw|华沙|ワルシャワ|Варшава|Warschau|Varsovia|Varsovie|PL
city:Berlin|city|Berlin|柏林|ベルリン|Берлин|Berlin|Berlín|Berlin|DE
city:Munich|city|Munich|慕尼黑|ミュンヘン|Мюнхен|München|Múnich|Munich|
city:Hamburg|city|Hamburg|汉堡|ハンブルク|Гамбург|Hamburg|Hamburgo|Hambourg|
city:Frankfurt|city|Frankfurt|法兰克福|フランクフルト|Франкфурт|Frankfurt|Fráncfort|Francfort|
city:Cologne|city|Cologne|科隆|ケルン|Кёльн;Кельн|Köln|Colonia|Cologne|
city:Vienna|city|Vienna|维也纳|ウィーン|Вена|Wien|Viena|Vienne|AT
city:Zurich|city|Zurich;Zürich|苏黎世|チューリッヒ|Цюрих|Zürich|Zúrich|Zurich|
city:Geneva|city|Geneva|日内瓦|ジュネーブ|Женева|Genf|Ginebra|Genève|
city:Paris|city|Paris|巴黎|パリ|Париж|Paris|París|Paris|FR
city:London|city|London|伦敦|ロンドン|Лондон|London|Londres|Londres|GB
city:Madrid|city|Madrid|马德里|マドリード|Мадрид|Madrid|Madrid|Madrid|ES
city:Barcelona|city|Barcelona|巴塞罗那|バルセロナ|Барселона|Barcelona|Barcelona|Barcelone|
city:Lisbon|city|Lisbon|里斯本|リスボン|Лиссабон|Lissabon|Lisboa|Lisbonne|
city:Rome|city|Rome|罗马|ローマ|Рим|Rom|Roma|Rome|IT
city:Milan|city|Milan|米兰|ミラノ|Милан|Mailand|Milán|Milan|
city:Genoa|city|Genoa|热那亚|ジェノヴァ;ジェノバ|Генуя|Genua|Génova|Gênes|
city:Naples|city|Naples|那不勒斯|ナポリ|Неаполь|Neapel|Nápoles|Naples|
city:Venice|city|Venice|威尼斯|ヴェネツィア;ベネチア|Венеция|Venedig|Venecia|Venise|
city:Athens|city|Athens|雅典|アテネ|Афины|Athen|Atenas|Athènes|GR
city:Istanbul|city|Istanbul|伊斯坦布尔|イスタンブール|Стамбул|Istanbul|Estambul|Istanbul|
city:Ankara|city|Ankara|安卡拉|アンカラ|Анкара|Ankara|Ankara|Ankara|TR
city:Brussels|city|Brussels|布鲁塞尔|ブリュッセル|Брюссель|Brüssel|Bruselas|Bruxelles|BE;region:EU
city:Amsterdam|city|Amsterdam|阿姆斯特丹|アムステルダム|Амстердам|Amsterdam|Ámsterdam|Amsterdam|
city:Stockholm|city|Stockholm|斯德哥尔摩|ストックホルム|Стокгольм|Stockholm|Estocolmo|Stockholm|
city:Prague|city|Prague|布拉格|プラハ|Прага|Prag|Praga|Prague|
city:Washington|city|Washington;Washington, D.C.|华盛顿;华府|ワシントン|Вашингтон|Washington|Washington|Washington|US
city:New York|city|New York;New York City;NYC|纽约|ニューヨーク|Нью-Йорк|New York|Nueva York|New York|
city:Los Angeles|city|Los Angeles;LA|洛杉矶|ロサンゼルス|Лос-Анджелес|Los Angeles|Los Ángeles|Los Angeles|
city:San Francisco|city|San Francisco|旧金山|サンフランシスコ|Сан-Франциско|San Francisco|San Francisco|San Francisco|
city:Chicago|city|Chicago|芝加哥|シカゴ|Чикаго|Chicago|Chicago|Chicago|
city:Houston|city|Houston|休斯敦;休斯顿|ヒューストン|Хьюстон|Houston|Houston|Houston|
city:Seattle|city|Seattle|西雅图|シアトル|Сиэтл|Seattle|Seattle|Seattle|
city:Boston|city|Boston|波士顿|ボストン|Бостон|Boston|Boston|Boston|
city:Ottawa|city|Ottawa|渥太华|オタワ|Оттава|Ottawa|Ottawa|Ottawa|CA
city:Toronto|city|Toronto|多伦多|トロント|Торонто|Toronto|Toronto|Toronto|
city:Mexico City|city|Mexico City|墨西哥城|メキシコシティ|Мехико|Mexiko-Stadt|Ciudad de México|Mexico|MX
city:Rio de Janeiro|city|Rio de Janeiro;Rio|里约热内卢;里约|リオデジャネイロ|Рио-де-Жанейро|Rio de Janeiro|Río de Janeiro|Rio de Janeiro|
city:Sao Paulo|city|São Paulo;Sao Paulo|圣保罗|サンパウロ|Сан-Паулу|São Paulo|São Paulo|São Paulo|
city:Buenos Aires|city|Buenos Aires|布宜诺斯艾利斯|ブエノスアイレス|Буэнос-Айрес|Buenos Aires|Buenos Aires|Buenos Aires|AR
city:Sydney|city|Sydney|悉尼|シドニー|Сидней|Sydney|Sídney|Sydney|
city:Canberra|city|Canberra|堪培拉|キャンベラ|Канберра|Canberra|Canberra|Canberra|AU
city:New Delhi|city|New Delhi;Delhi|新德里|ニューデリー|Нью-Дели|Neu-Delhi|Nueva Delhi|New Delhi|IN
city:Mumbai|city|Mumbai;Bombay|孟买|ムンバイ|Мумбаи|Mumbai|Bombay|Bombay|
city:Bangkok|city|Bangkok|曼谷|バンコク|Бангкок|Bangkok|Bangkok|Bangkok|TH
city:Hanoi|city|Hanoi|河内|ハノイ|Ханой|Hanoi|Hanói|Hanoï|VN
city:Jakarta|city|Jakarta|雅加达|ジャカルタ|Джакарта|Jakarta|Yakarta|Jakarta|ID
city:Manila|city|Manila|马尼拉|マニラ|Манила|Manila|Manila|Manille|PH
city:Tehran|city|Tehran|德黑兰|テヘラン|Тегеран|Teheran|Teherán|Téhéran|IR
city:Baghdad|city|Baghdad|巴格达|バグダッド|Багдад|Bagdad|Bagdad|Bagdad|IQ
city:Damascus|city|Damascus|大马士革|ダマスカス|Дамаск|Damaskus|Damasco|Damas|SY
city:Jerusalem|city|Jerusalem|耶路撒冷|エルサレム|Иерусалим|Jerusalem|Jerusalén|Jérusalem|IL
city:Cairo|city|Cairo|开罗|カイロ|Каир|Kairo|El Cairo|Le Caire|EG
city:Singapore|city|Singapore|新加坡|シンガポール|Сингапур|Singapur|Singapur|Singapour|SG
"""

# Chinese and Japanese compounds with one-character country abbreviations: form -> keys.
_CJK_ABBREV = {
    "zh": {"中": "CN", "华": "CN", "美": "US", "日": "JP", "俄": "RU", "韩": "KR", "朝": "KP", "乌": "UA",
           "英": "GB", "法": "FR", "德": "DE", "欧": "region:EU", "印": "IN", "澳": "AU", "加": "CA",
           "以": "IL", "非": "region:Africa", "越": "VN", "菲": "PH"},
    "ja": {"日": "JP", "米": "US", "中": "CN", "露": "RU", "ロ": "RU", "韓": "KR", "朝": "KP", "英": "GB",
           "仏": "FR", "独": "DE", "欧": "region:EU", "豪": "AU", "印": "IN", "台": "TW", "宇": "UA"},
}
#: The one-letter abbreviations of countries in Chinese and Japanese compounds, by language.
CJK_ABBREVIATIONS = _CJK_ABBREV
# Pairs of abbreviations that make a compound (日俄 = Japan + Russia); each letter must be in the
# language's table, and the pair must be followed by one of these words (or be a listed pair).
_ZH_PAIR_TAIL = ("两国", "双方", "关系", "之间", "间", "贸易", "合作", "联合", "峰会", "会谈", "首脑", "领导人",
                 "外长", "战争", "冲突", "边境", "争端", "对话", "友好", "建交", "同盟", "联盟", "军演", "条约",
                 "协议", "谈判", "元首", "和平", "对抗", "竞争", "矛盾", "紧张", "分歧", "博弈", "贸易战", "领土",
                 "三国", "三方", "四国", "等国", "两军", "交流", "经贸", "摩擦")
_ZH_PAIRS_ALWAYS = ("中美", "中俄", "日俄", "俄日", "日美", "美日", "美俄", "俄美", "俄乌", "乌俄", "日韩", "韩日",
                    "中日", "日中", "中韩", "韩中", "美韩", "韩美", "美朝", "朝美", "朝韩", "韩朝", "中欧", "美欧",
                    "中印", "中越", "中菲", "美以")
_ZH_SINGLE = {  # one abbreviation glued to a word that makes it unambiguous
    "prefix": ("对", "访", "驻", "赴", "来", "援", "反", "亲", "抗", "侵", "涉", "旅", "在", "留", "离", "返"),
    "suffix": ("方", "军", "籍", "媒", "企", "资", "商", "侨", "裔", "人", "元首", "总统", "外长", "政府", "帝"),
}
_ZH_SINGLE_OK = {  # which abbreviations may stand alone with a prefix/suffix above
    "中": ("方", "资", "企"), "华": ("prefix", "人", "侨", "裔", "商", "企"), "美": ("prefix", "方", "军", "籍", "媒", "企", "资", "元首", "总统", "政府", "帝", "商"),
    "日": ("方", "军", "籍", "媒", "企", "资", "元首", "政府", "侨", "商"), "俄": ("prefix", "方", "军", "籍", "媒", "企", "资", "元首", "总统", "外长", "政府", "商", "侨"),
    "韩": ("prefix", "方", "军", "籍", "媒", "企", "资", "政府", "侨", "商"), "朝": ("方", "军"), "乌": ("prefix", "方", "军", "政府"),
    "英": ("方", "军", "籍", "媒"), "法": ("方", "军", "籍", "媒"), "德": ("方", "军", "籍", "媒"),
    "以": ("方", "军"),
}
_JA_PAIRS = ("日米", "米日", "日中", "中日", "日露", "露日", "日ロ", "日韓", "韓日", "米中", "中米", "米露", "米ロ",
             "中露", "中ロ", "米韓", "韓米", "日朝", "米朝", "日英", "英米", "米英", "日豪", "日印", "日仏", "日独",
             "独仏", "日欧", "欧米", "日台", "露宇", "ロ宇")
_JA_SINGLE = ("訪米", "訪中", "訪日", "訪露", "訪ロ", "訪韓", "来日", "在日", "駐日", "在米", "駐米", "対米", "対中",
              "対露", "対ロ", "対韓", "米軍", "露軍", "ロ軍", "中国軍", "米側", "露側", "ロ側", "日本側", "中国側", "韓国側",
              "米政府", "露政府", "米大統領", "露大統領", "ロシア側")
#: Ordinary words that contain an abbreviation letter: consumed so that 其中美国 is not read as
#: 中美 + 国, nor 节日美食 as 日美 (and currencies and languages name no country here).
_ZH_IGNORE = (
    "美元 美金 日元 欧元 英镑 韩元 英语 法语 德语 日语 俄语 韩语 中文 华语 英文 中华 中央 中心 中间 中部 中期 中等 中小 "
    "中层 中午 中旬 中断 中药 中医 中学 中标 中毒 中止 其中 之中 当中 集中 空中 期中 高中 心中 初中 途中 手中 家中 暗中 "
    "正中 居中 从中 今日 节日 昨日 明日 每日 生日 假日 平日 周日 次日 当日 近日 终日 本日 即日 同日 末日 前日 翌日 白日 "
    "往日 某日 旬日 来日 数日 半日 日常 日子 日前 日益 日报 日内 日后 日期 日均 日夜 日趋 日渐 日光 日照 完美 甜美 优美 "
    "赞美 健美 精美 审美 柔美 秀美 俊美 美食 美术 美丽 美好 美德 美容 美化 美誉 美味 美景 美妙 美满 美女 美梦 欧美 非法 "
    "合法 违法 守法 执法 依法 立法 宪法 司法 税法 做法 用法 办法 手法 方法 语法 文法 刑法 民法 商法 书法 想法 说法 看法 "
    "算法 疗法 技法 兵法 佛法 魔法 无法 设法 效法 写法 读法 叫法 法律 法院 法规 法治 法官 法案 法定 法人 法制 法庭 法则 "
    "法令 道德 品德 公德 德育 可以 所以 予以 加以 难以 足以 得以 用以 是以 以及 以上 以下 以来 以后 以前 以为 以便 以免 "
    "以内 以外 以往 精英 群英 英雄 英勇 英俊 英明 英里 英尺 英寸 朝着 朝向 王朝 朝代 朝阳 朝野 清朝 明朝 唐朝 宋朝 元朝 "
    "汉朝 华丽 繁华 豪华 精华 才华 升华 华尔街 华夏 华北 华南 华东 华西 华中 乌云 乌鸦 乌龟 乌黑 印象 印章 印发 印刷 打印 "
    "影印 复印 脚印 手印 烙印 印记 印证 非常 是非 并非 无非 除非 莫非 非但 非得 非要 非凡 越来 超越 越过 越发 越野 卓越 "
    "跨越 逾越 穿越 增加 参加 加强 加快 加大 加上 加入 更加 追加 施加 附加 外加 加工 加速 加剧 加油 加班 澳门"
).split()

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ZH_RUN_LETTERS = frozenset("中美日俄韩朝英法德印澳加欧")

#: Short names that are also pieces of ordinary words: name -> (characters that must not come
#: before it, characters that must not follow it). 沿海地区 is "coastal areas", not Haiti.
_ZH_TRAPS = {
    "海地": ("沿近临内外渤黄东南北公领陆深上大", "区带形貌面下底图震上中理洋域"),
    "加纳": ("增参追添", "入税米"),
    "马里": ("索", "奥兰亚诺安乌斯纳特"),
    "阿曼": ("", "达"),
    "南非": ("东西", "洲"),
    "古巴": ("", "比"),
    "约旦": ("", "河"),
    "米兰": ("", "达"),
    "法国": ("非合违守执依立护宪司税做用办手方语文刑民商书想说看算疗技兵佛魔戏章不无设效写读叫", ""),
    "德国": ("道品美公", ""),
    "中国": ("其集空", ""),
}

#: US states and other subdivisions whose English name is not the pycountry one.
_SUBDIV_EN = {
    "CN-NM": "Inner Mongolia", "CN-XZ": "Tibet;Xizang", "CN-NX": "Ningxia", "CN-GX": "Guangxi",
    "CN-XJ": "Xinjiang", "CN-HK": "Hong Kong", "CN-MO": "Macau;Macao", "CN-SN": "Shaanxi", "CN-SX": "Shanxi",
    "DE-BY": "Bavaria", "DE-NI": "Lower Saxony", "DE-SN": "Saxony", "DE-TH": "Thuringia", "DE-HE": "Hesse",
    "DE-RP": "Rhineland-Palatinate;Rhineland Palatinate", "DE-NW": "North Rhine-Westphalia;North Rhine Westphalia",
    "DE-ST": "Saxony-Anhalt",
    "DE-MV": "Mecklenburg-Western Pomerania", "DE-BW": "Baden-Württemberg", "DE-SL": "Saarland",
}
_SUBDIV_ZH_EXTRA = {"US-AL": "阿拉巴马州;阿拉巴马", "US-MD": "马里兰州;马里兰", "US-MT": "蒙大拿州;蒙大拿",
                    "US-TX": "德克萨斯州;德州", "US-CA": "加州", "US-FL": "佛州", "US-NY": "纽约州",
                    "US-WV": "西弗吉尼亚州", "US-SC": "南卡罗来纳州", "US-IA": "爱荷华州"}
_SUBDIV_COUNTRIES = ("CN", "US", "JP", "DE")
#: Countries whose subdivisions pycountry names in a language tqcheck reads.
_SUBDIV_LOCAL = {"DE": "de"}
#: Names pycountry's translations misspell (Turinge, Westfalie).
_SUBDIV_FIXED = {
    ("DE-TH", "fr"): "Thuringe", ("DE-NW", "fr"): "Rhénanie-du-Nord-Westphalie;Rhénanie du Nord-Westphalie",
    ("DE-MV", "fr"): "Mecklembourg-Poméranie-Occidentale;Mecklembourg-Poméranie occidentale",
    ("DE-HB", "fr"): "Brême",
}
_SUBDIV_SKIP = {"CN-TW", "CN-HK", "CN-MO", "US-UM", "US-VI", "US-WA", "US-NY", "US-DC", "DE-BE", "DE-HH", "JP-13"}


def _split(field_: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in field_.split(";") if n.strip())


class Gazetteer:
    """All places, with per-language indexes built on first use."""

    def __init__(self, places: dict[str, Place], adjectives: dict[str, tuple[str, ...]],
                 cjk_compounds: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.places = places
        self.adjectives = adjectives
        self.cjk_compounds = cjk_compounds

    def place(self, key: str) -> Place | None:
        return self.places.get(key)

    def related(self, key: str) -> tuple[str, ...]:
        try:
            return self._related_cache[key]
        except KeyError:
            pass
        p = self.places.get(key)
        if p is None:
            return ()
        back = self._related_back().get(key, ())
        out = self._related_cache[key] = tuple(dict.fromkeys(p.related + back))
        return out

    @functools.cached_property
    def _related_cache(self) -> dict[str, tuple[str, ...]]:
        return {}

    @functools.cached_property
    def _related_back_map(self) -> dict[str, tuple[str, ...]]:
        back: dict[str, list[str]] = {}
        for p in self.places.values():
            for r in p.related:
                back.setdefault(r, []).append(p.key)
        return {k: tuple(v) for k, v in back.items()}

    def _related_back(self) -> dict[str, tuple[str, ...]]:
        return self._related_back_map

    def display(self, key: str, lang: str) -> str:
        p = self.places.get(key)
        return p.display(lang) if p else key

    @functools.cached_property
    def _display_cache(self) -> dict[tuple[str, str], str]:
        return {}

    def display_cached(self, key: str, lang: str) -> str:
        """``display``, remembered (places do not change)."""
        out = self._display_cache.get((key, lang))
        if out is None:
            out = self._display_cache[(key, lang)] = self.display(key, lang)
        return out

    # -- CJK source scanning ---------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _cjk_index(self, lang: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]], frozenset[str],
                                             dict[str, tuple[int, ...]]]:
        """Names and compounds of ``lang`` -> place keys; their lengths by first character (all forms,
        and names only); the set of names. Everything is per language: one process checks many."""
        index: dict[str, tuple[str, ...]] = {}
        for p in self.places.values():
            for name in p.names.get(lang, ()):
                if len(name) >= 2:
                    index[name] = tuple(dict.fromkeys(index.get(name, ()) + (p.key,)))
        names = frozenset(index)
        for form, keys in self.cjk_compounds.get(lang, {}).items():
            if form not in names or not keys:
                index[form] = keys
        sizes: dict[str, set[int]] = {}
        for form in index:
            sizes.setdefault(form[0], set()).add(len(form))
        name_sizes: dict[str, set[int]] = {}
        for form in names:
            name_sizes.setdefault(form[0], set()).add(len(form))
        by_first = {c: tuple(sorted(v, reverse=True)) for c, v in sizes.items()}
        name_sizes_by_first = {c: tuple(sorted(v, reverse=True)) for c, v in name_sizes.items()}
        return index, by_first, names, name_sizes_by_first

    @functools.lru_cache(maxsize=None)
    def _cjk_starts(self, lang: str) -> re.Pattern[str]:
        """Where a match can start: at a first letter of a form of the index followed by a second
        letter of one (every form has two letters or more), and in Chinese at three letters of
        abbreviated countries in a row. Other positions are skipped."""
        index, by_first, _, _ = self._cjk_index(lang)

        def letters(chars: Iterable[str]) -> str:
            return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"

        first = letters(by_first)
        second = "" if self._cjk_pairs(lang) is None else "(?=" + letters(form[1] for form in index) + ")"
        if lang != "zh":
            return re.compile(first + second)
        # One class of all the letters that can start something comes first, so that the scan
        # jumps from one of them to the next; the look-arounds then tell which start it is.
        run = letters(_ZH_RUN_LETTERS)
        either = letters(set(by_first) | _ZH_RUN_LETTERS)
        return re.compile(f"{either}(?:(?<={first}){second}|(?<={run})(?={run}{run}))")

    @functools.lru_cache(maxsize=None)
    def _cjk_pairs(self, lang: str) -> dict[str, tuple[int, ...]] | None:
        """The lengths of the index's forms by their first two letters, longest first: at one
        position only the forms starting with its two letters can match, in the order the lengths
        of ``by_first`` try them. None if a form has a single letter (none has)."""
        index, _, _, _ = self._cjk_index(lang)
        sizes: dict[str, set[int]] = {}
        for form in index:
            if len(form) < 2:
                return None
            sizes.setdefault(form[:2], set()).add(len(form))
        return {c: tuple(sorted(v, reverse=True)) for c, v in sizes.items()}

    def _find_cjk(self, text: str, lang: str) -> list[PlaceHit]:
        out: list[PlaceHit] = []
        index, by_first, names, name_sizes = self._cjk_index(lang)
        by_pair = self._cjk_pairs(lang)
        next_start = self._cjk_starts(lang).search
        i, n = 0, len(text)
        while i < n:
            # a position whose letter starts no form can hold no match: jump to the next one that can
            m = next_start(text, i)
            if m is None:
                return out
            i = m.start()
            hit = None
            sizes = by_pair.get(text[i:i + 2], ()) if by_pair is not None else by_first.get(text[i], ())
            if not sizes and text[i] not in _ZH_RUN_LETTERS:
                i += 1  # (no form starts here, nor a run of abbreviated countries)
                continue
            for size in sizes:
                if i + size > n:
                    continue
                form = text[i:i + size]
                keys = index.get(form)
                if keys is None:
                    continue
                trap = _ZH_TRAPS.get(form) if lang == "zh" else None
                if trap and ((i and text[i - 1] in trap[0]) or (i + size < n and text[i + size] in trap[1])):
                    continue
                if lang == "ja" and size == 2 and i and _KANJI.match(text[i - 1]) and _KANJI.match(form[0]):
                    continue  # 白石川 is the Shiraishi River, not 石川 (Ishikawa) inside a longer word
                if form not in names and self._name_overlaps(text, i, size, names, name_sizes):
                    continue  # 在华盛顿 is Washington, not 在华 + 盛顿; 从中美洲 is not 从中 + 美洲
                hit = _place_hit(i, i + size, form, keys, abbreviated=form not in names)
                break
            if lang == "zh" and (hit is None or hit.end - i <= 2):
                run = i
                while run < n and text[run] in _ZH_RUN_LETTERS:
                    run += 1
                if run - i >= 3:  # 美日印澳 "四边机制", 中日韩: a list of abbreviated countries
                    abbrev = _CJK_ABBREV["zh"]
                    hit = _place_hit(i, run, text[i:run], tuple(dict.fromkeys(abbrev[c] for c in text[i:run])),
                                     abbreviated=True)
            if hit is not None:
                if hit.keys:
                    out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    @staticmethod
    def _name_overlaps(text: str, i: int, size: int, names: frozenset[str],
                       name_sizes: dict[str, tuple[int, ...]]) -> bool:
        """Whether a place name starts inside text[i:i+size] and runs past its end."""
        for j in range(i + 1, i + size):
            for k in name_sizes.get(text[j], ()):
                if j + k > i + size and text[j:j + k] in names:
                    return True
        return False

    # -- Cyrillic ----------------------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _ru_index(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        from .translit import russian_stem

        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for p in self.places.values():
            for name in p.names.get("ru", ()):
                words = tuple(russian_stem(w).lower() for w in re.findall(r"[\w’'-]+", name))
                if words:
                    index.setdefault(words[0][:4], []).append((words, p.key))
        for stem, key in _RU_ADJECTIVES:
            index.setdefault(stem[:4], []).append(((stem,), key))
        return index

    def _find_ru(self, text: str) -> list[PlaceHit]:
        out: list[PlaceHit] = []
        index = self._ru_index()
        words = _RU_WORD.findall(text)
        lows = list(map(str.lower, words))
        n = len(words)
        spans: list[tuple[int, int]] | None = None  # offsets of the words, found when first needed
        i = 0
        while i < n:
            candidates = index.get(lows[i][:4])
            if not candidates:
                i += 1
                continue
            best: tuple[int, str] | None = None
            for stems, key in candidates:
                if len(stems) > n - i:
                    continue
                if all(_ru_word_matches(lows[i + k], w) for k, w in enumerate(stems)):
                    if best is None or len(stems) > best[0]:
                        best = (len(stems), key)
            if best:
                if spans is None:
                    # each word again from where the previous one ended: no Cyrillic letter, with
                    # which every word starts, lies between two words
                    spans = []
                    at = 0
                    for w in words:
                        at = text.find(w, at)
                        spans.append((at, at + len(w)))
                        at += len(w)
                s, e = spans[i][0], spans[i + best[0] - 1][1]
                if best[0] == 1 and words[i][0].isupper() and language.get("ru").name_tag(words[i]) == "other":
                    i += 1  # Самой (the adjective самый) is not Samoa
                    continue
                if not words[i][0].isupper() and not language.get("ru").lemma(words[i]).endswith(_RU_PLACE_ADJECTIVE):
                    i += 1  # lower case, a place only as its adjective (российский): самом, газ, палатой are none
                    continue
                out.append(_place_hit(s, e, text[s:e], (best[1],), adjective=not words[i][0].isupper()))
                i += best[0]
            else:
                i += 1
        return out

    # -- Latin ---------------------------------------------------------------------------------
    @functools.lru_cache(maxsize=None)
    def _latin_index(self, lang: str) -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]], dict[str, int]]:
        """Token tuple -> (keys, is an adjective, is an acronym that must match case exactly)."""
        index: dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]] = {}

        def add(name: str, key: str, adjective: bool) -> None:
            toks = tuple(_latin_tokens_key(name))
            if not toks or name in _AMBIGUOUS_ACRONYMS:
                return
            acronym = len(toks) == 1 and name.replace(".", "").isupper() and len(name.replace(".", "")) <= 5
            keys, adj, acr = index.get(toks, ((), adjective, acronym))
            if key not in keys:
                index[toks] = (keys + (key,), adj and adjective, acr and acronym)

        for p in self.places.values():
            for name in p.names.get(lang, ()):
                add(name, p.key, False)
        if lang == "en":
            for key, adjs in self.adjectives.items():
                for a in adjs:
                    add(a, key, True)
        firsts: dict[str, int] = {}
        for toks in index:
            firsts[toks[0]] = max(firsts.get(toks[0], 0), len(toks))
        return index, firsts

    def _find_latin(self, text: str, lang: str) -> Iterator[PlaceHit]:
        if text.isascii():
            yield from self._find_latin_ascii(text, lang)
            return
        index, firsts = self._latin_index(lang)
        toks = [(m.start(), m.end(), m.group()) for m in _LATIN_WORD.finditer(text)]
        ntoks = len(toks)
        i = 0
        while i < ntoks:
            # only a capitalised word can start a name: others are passed over one by one
            word = toks[i][2]
            if not word[0].isupper():
                i += 1
                continue
            longest = firsts.get(_norm_token(word), 0)
            if not longest:
                i += 1
                continue
            # words of one name are separated by a space, a hyphen or nothing else: no window
            # runs past the first other separator
            reach = 1
            while reach < longest and i + reach < ntoks and text[toks[i + reach - 1][1]:toks[i + reach][0]] in _NAME_SEPARATORS:
                reach += 1
            window = toks[i:i + reach]
            found = _latin_window(text, lang, index, window, tuple(_norm_token(t[2]) for t in window))
            if found:
                yield found
                while i < len(toks) and toks[i][0] < found.end:
                    i += 1
            else:
                i += 1

    @functools.lru_cache(maxsize=None)
    def _latin_prefixes(self, lang: str) -> frozenset[tuple[str, ...]]:
        """Every leading run of words of a name of ``_latin_index`` (the names themselves included)."""
        index, _ = self._latin_index(lang)
        return frozenset(toks[:k] for toks in index for k in range(1, len(toks) + 1))

    def _find_latin_ascii(self, text: str, lang: str) -> list[PlaceHit]:
        """``_find_latin`` for ASCII text: the same words, but only those that can start a name
        (capitalised, at the start of a word of _LATIN_WORD) are looked for, and the words after
        one only as far as a name of the index starting with it can reach."""
        out: list[PlaceHit] = []
        index, firsts = self._latin_index(lang)
        prefixes = self._latin_prefixes(lang)
        next_word = _ASCII_LATIN_WORD.search
        done = 0  # words starting before this offset are part of a name found already
        for first in _ASCII_NAME_WORD.finditer(text):
            at = first.start()
            if at < done:
                continue
            word = first.group()
            norm = _norm_token(word)
            if norm not in firsts:
                continue  # (firsts has the first word of every name: the prefixes of one word)
            key: tuple[str, ...] = (norm,)
            # the following words, as long as they continue a name of the index (windows any
            # longer have no entry)
            toks = [(at, first.end(), word)]
            end = toks[0][1]
            while (nxt := next_word(text, end)) is not None and text[end:nxt.start()] in _NAME_SEPARATORS:
                longer = key + (_norm_token(nxt.group()),)
                if longer not in prefixes:
                    break
                key = longer
                end = nxt.end()
                toks.append((nxt.start(), end, nxt.group()))
            found = _latin_window(text, lang, index, toks, key)
            if found:
                out.append(found)
                done = found.end
        return out

    def _names_of(self, key: str, lang: str) -> tuple[str, ...]:
        p = self.places.get(key)
        names = p.names.get(lang, ()) if p else ()
        return names + (self.adjectives.get(key, ()) if lang == "en" else ())

    def find(self, text: str, lang: str) -> list[PlaceHit]:
        """Places named in ``text`` (written in ``lang``), longest match first, left to right."""
        lang = _primary_lang(lang)
        if lang in CJK_LANGS:
            hits = self._find_cjk(text, lang)
            if hits:  # whole words only: 发展中国家 names no country, nor スタイル Thailand
                words = language.get(lang)
                hits = [h for h in hits if words.on_word_boundaries(text, h.start, h.end)]
            return hits
        if lang == "ru":
            return self._find_ru(text)
        if lang in LANGS:
            if text.isascii():
                return self._find_latin_ascii(text, lang)
            return list(self._find_latin(text, lang))
        return []

    def abbreviation_of(self, key: str, lang: str) -> str | None:
        """The one-letter abbreviation of a country in Chinese or Japanese compounds (英 in 英独仏), if any."""
        return next((c for c, k in _CJK_ABBREV.get(lang, {}).items() if k == key), None)

    def names_in(self, key: str, lang: str) -> tuple[str, ...]:
        """Every name (and English adjective) of a place in one language."""
        return self._names_of(key, lang)


_NAME_SEPARATORS = frozenset((" ", "-", ". ", ""))
_RU_WORD = re.compile(r"[А-Яа-яЁё][\w’'-]*")
#: How the adjectives of places end in Russian (российский, немецкий, ливийский, тайваньский).
_RU_PLACE_ADJECTIVE = ("ский", "цкий", "ской", "цкой")
_CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b|yuan\b|yen\b|won\b|rupees?\b|roubles?\b|rubles?\b|pounds?\b|"
                             r"francs?\b|pesos?\b|Dollar|Euro)")
#: One-character abbreviations of Chinese places (京 Beijing, 沪 Shanghai, 港 Hong Kong): a source
#: that has one may name the place without the gazetteer seeing it (countries are left out: their
#: letters, 中 美 日, are too common to tell anything).
ZH_ABBREVIATIONS = {
    "city:Beijing": "京", "city:Shanghai": "沪", "CN-SH": "沪", "HK": "港", "MO": "澳", "TW": "台",
    "city:Guangzhou": "穗", "CN-CQ": "渝", "CN-TJ": "津", "CN-HN": "湘", "CN-GD": "粤", "CN-SC": "川",
    "CN-SD": "鲁", "CN-ZJ": "浙", "CN-FJ": "闽", "CN-HB": "鄂", "CN-JX": "赣", "org:CPC": "党",
}

#: Names too ambiguous to be read as places in running text.
_AMBIGUOUS_ACRONYMS = frozenset({"IS", "LA", "EI", "UE", "ROK"})
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:[.’'][^\W\d_]+)*\.?")
#: _LATIN_WORD for ASCII text, where a letter is [A-Za-z].
_ASCII_LATIN_WORD = re.compile(r"[A-Za-z]++(?:[.’'][A-Za-z]++)*+\.?")
#: Where in ASCII text a capitalised word of _LATIN_WORD starts: a capital that neither follows
#: a letter nor continues a word over a full stop or an apostrophe ("U.S.", "O'Neill").
_ASCII_NAME_START = re.compile(r"[A-Z](?<![A-Za-z].)(?<![A-Za-z][.’'].)")
#: The word of _ASCII_LATIN_WORD there (no such start lies inside such a word: scanning on from
#: its end skips none).
_ASCII_NAME_WORD = re.compile(_ASCII_NAME_START.pattern + r"[A-Za-z]*+(?:[.’'][A-Za-z]++)*+\.?")
#: Russian adjectives of the countries news names most (lower-case in Russian): stem -> key.
_RU_ADJECTIVES = (
    ("российск", "RU"), ("русск", "RU"), ("японск", "JP"), ("китайск", "CN"), ("американск", "US"),
    ("британск", "GB"), ("немецк", "DE"), ("германск", "DE"), ("французск", "FR"), ("итальянск", "IT"),
    ("испанск", "ES"), ("украинск", "UA"), ("белорусск", "BY"), ("польск", "PL"), ("турецк", "TR"),
    ("индийск", "IN"), ("корейск", "KR"), ("иранск", "IR"), ("израильск", "IL"), ("европейск", "region:Europe"),
    ("азиатск", "region:Asia"), ("африканск", "region:Africa"), ("канадск", "CA"), ("австралийск", "AU"),
)


def _latin_window(text: str, lang: str, index: dict[tuple[str, ...], tuple[tuple[str, ...], bool, bool]],
                  toks: list[tuple[int, int, str]], norms: tuple[str, ...]) -> PlaceHit | None:
    """The longest name of the index made of the first words of ``toks`` (consecutive words, each
    separated from the next by a space, a hyphen or nothing; ``norms`` are their _norm_token), if any."""
    for size in range(len(toks), 0, -1):
        window = toks[:size]
        entry = index.get(norms[:size])
        if entry is None:
            continue
        first = window[0][2]
        if entry[2]:
            if first.rstrip(".").replace(".", "") != first.rstrip(".").replace(".", "").upper():
                continue  # "US" is the country, "us" is not
        elif not first[0].isupper() and not (lang != "en" and entry[1]):
            continue
        end = window[-1][1]
        if text[end - 1] == "." and "." not in window[-1][2][:-1]:
            end -= 1  # a full stop, not part of an abbreviation like U.S.
        currency = bool(_CURRENCY_AFTER.match(text, end))  # "US dollars" names a currency
        return _place_hit(window[0][0], end, text[window[0][0]:end], entry[0], entry[1] or currency)
    return None


@functools.lru_cache(maxsize=256)
def _primary_lang(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


def _ru_word_matches(token: str, stem: str) -> bool:
    if not token.startswith(stem):
        return False
    return len(token) - len(stem) <= 4


@functools.lru_cache(maxsize=65536)
def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    return t.rstrip(".") if len(t) > 1 else t


def _latin_tokens_key(name: str) -> list[str]:
    return [_norm_token(t) for t in _LATIN_WORD.findall(name)]


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, built once on first use (about a tenth of a second)."""
    import pycountry

    names: dict[str, dict[str, list[str]]] = {}
    kinds: dict[str, str] = {}
    related: dict[str, list[str]] = {}

    def add(key: str, lang: str, *values: str) -> None:
        bucket = names.setdefault(key, {}).setdefault(lang, [])
        for v in values:
            v = v.strip()
            if v and v not in bucket:
                bucket.append(v)

    catalogues = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
                  for lang, loc in _CATALOGUE.items()}
    for c in pycountry.countries:
        key = c.alpha_2
        kinds[key] = "country"
        english = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        add(key, "en", *(n for n in english if n and "," not in n))
        for lang, cat in catalogues.items():
            for n in english:
                if n:
                    t = cat.gettext(n)
                    if t != n or lang in ("de", "es", "fr"):
                        if "," not in t and "(" not in t:
                            add(key, lang, t)
    for line in _COUNTRY_EXTRA.strip().splitlines():
        key, *cols = line.split("|")
        for lang, col in zip(LANGS, cols):
            extra = list(_split(col))
            rest = [n for n in names.get(key, {}).get(lang, []) if n not in extra]
            names.setdefault(key, {})[lang] = list(extra) + rest
    # First-level subdivisions of a few countries news names often.
    sub_cat = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
               for lang, loc in _CATALOGUE.items()}
    for cc in _SUBDIV_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc) or ():
            if s.code in _SUBDIV_SKIP or getattr(s, "parent_code", None):
                continue
            key = s.code
            kinds[key] = "province"
            related[key] = [cc]
            en = _SUBDIV_EN.get(s.code)
            base = re.sub(r"\s+(Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu)$", "", s.name)
            add(key, "en", *(_split(en) if en else ()), base)
            if cc == "CN":
                add(key, "en", base + " Province")
            if cc in _SUBDIV_LOCAL:  # pycountry names them in their own language (Rheinland-Pfalz)
                add(key, _SUBDIV_LOCAL[cc], s.name)
            for lang, cat in sub_cat.items():
                fixed = _SUBDIV_FIXED.get((key, lang))
                if fixed:
                    add(key, lang, *_split(fixed))
                    continue
                t = cat.gettext(s.name)
                if t == s.name and lang not in ("de", "es", "fr"):
                    continue  # (Latin-script languages keep most names as they are: Texas, Kentucky)
                add(key, lang, t)
                if lang == "zh":
                    short = re.sub(r"(维吾尔|壮族|回族)?(自治区|特别行政区)$|[省市县州都府]$", "", t)
                    if len(short) >= 2:
                        add(key, lang, short)
                if lang == "ja" and cc == "JP":
                    add(key, lang, t + ("都" if t == "東京" else "府" if t in ("大阪", "京都") else "道" if t == "北海道" else "県"))
            for zh_name in _split(_SUBDIV_ZH_EXTRA.get(s.code, "")):
                add(key, "zh", zh_name)
    for line in _PLACES.strip().splitlines():
        key, kind, *cols = line.split("|")
        rel = cols[7] if len(cols) > 7 else ""
        kinds[key] = kind
        for lang, col in zip(LANGS, cols[:7]):
            add(key, lang, *(_split(col) or (_split(cols[0]) if lang in ("de", "es", "fr") else ())))
        if rel:
            related.setdefault(key, []).extend(_split(rel))
    adjectives: dict[str, tuple[str, ...]] = {}
    for part in re.split(r"\|", _EN_ADJECTIVES.replace("\n", "|")):
        part = part.strip()
        if not part:
            continue
        key, _, adjs = part.rpartition(":")
        adjectives[key] = _split(adjs)
    compounds: dict[str, dict[str, tuple[str, ...]]] = {"zh": {}, "ja": {}}
    zh = _CJK_ABBREV["zh"]
    for pair in _ZH_PAIRS_ALWAYS:
        compounds["zh"][pair] = (zh[pair[0]], zh[pair[1]])
    for a in zh:
        for b in zh:
            if a != b:
                for tail in _ZH_PAIR_TAIL:
                    compounds["zh"].setdefault(a + b + tail, (zh[a], zh[b]))
    for letter, allowed in _ZH_SINGLE_OK.items():
        for suffix in _ZH_SINGLE["suffix"]:
            if suffix in allowed:
                compounds["zh"][letter + suffix] = (zh[letter],)
        if "prefix" in allowed:
            for prefix in _ZH_SINGLE["prefix"]:
                compounds["zh"][prefix + letter] = (zh[letter],)
    for word in _ZH_IGNORE:
        compounds["zh"][word] = ()
    compounds["zh"]["我国"] = ("CN",)
    for form, keys in (("港澳", ("HK", "MO")), ("澳港", ("MO", "HK")), ("港澳台", ("HK", "MO", "TW")),
                       ("来澳", ("MO",)), ("赴澳", ("MO",)), ("在澳", ("MO",)), ("中国台湾", ("TW",)),
                       ("中国香港", ("HK",)), ("中国澳门", ("MO",))):
        compounds["zh"][form] = keys
    ja = _CJK_ABBREV["ja"]
    for pair in _JA_PAIRS:
        compounds["ja"][pair] = tuple(dict.fromkeys(ja[c] for c in pair))
    for word in _JA_SINGLE:
        letter = next(c for c in word if c in ja and not (word.startswith(("訪", "来", "在", "駐", "対")) and c == word[0]))
        compounds["ja"][word] = (ja[letter],)
    places = {
        key: Place(key, kinds.get(key, "country"), {lang: tuple(v) for lang, v in langs.items()},
                   tuple(related.get(key, ())))
        for key, langs in names.items()
    }
    return Gazetteer(places, adjectives, compounds)
