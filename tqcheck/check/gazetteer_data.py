"""The hand tables of the gazetteer (:mod:`tqcheck.check.gazetteer`): what news needs and pycountry lacks,
as data. Country names by language, English demonyms, places with their kinds and names, the Chinese and
Japanese one-character abbreviations inside compounds (日俄, 中美), and the subdivisions news names most."""
from __future__ import annotations

import re

# --- hand tables ------------------------------------------------------------------------------
# Extra names of countries, by ISO alpha-2: en|zh|ja|ru|de|es|fr (";" separates names).
COUNTRY_EXTRA = """
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
EN_ADJECTIVES = """
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
PLACES = """
state:Soviet Union|country|Soviet Union;USSR;Soviet|苏联|ソ連;ソビエト連邦;ソビエト|СССР;Советский Союз|Sowjetunion;UdSSR;Sowjet|Unión Soviética;URSS|Union soviétique;URSS|RU
region:Europe|region|Europe|欧洲;欧陆|ヨーロッパ;欧州|Европа|Europa|Europa|Europe|region:EU
region:Scandinavia|region|Scandinavia;Nordic countries|斯堪的纳维亚;北欧|スカンジナビア;北欧|Скандинавия|Skandinavien|Escandinavia|Scandinavie|region:Europe
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
org:Xinhua|org|Xinhua;Xinhuanet;Xinhua Net|新华社;新华通讯社;新华网|新華社|Синьхуа|Xinhua|Xinhua|Xinhua|
org:China News|org|China News Service;China News;Chinanews;China News Network;CNS|中新网;中新社;中国新闻社;中国新闻网|中国新聞社|Чжунго Синьвэнь|China News Service|China News Service|China News Service|CN
org:Deutsche Welle|org|Deutsche Welle;DW|德国之声|ドイチェ・ヴェレ|Немецкая волна;Deutsche Welle|Deutsche Welle;DW|Deutsche Welle|Deutsche Welle|DE
org:Vietnam News Agency|org|Vietnam News Agency;VNA|越通社;越南通讯社|ベトナム通信社|Вьетнамское информационное агентство;ВИА|Vietnamesische Nachrichtenagentur|Agencia Vietnamita de Noticias|Agence vietnamienne d'information|VN
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
CJK_ABBREV = {
    "zh": {"中": "CN", "华": "CN", "美": "US", "日": "JP", "俄": "RU", "韩": "KR", "朝": "KP", "乌": "UA",
           "英": "GB", "法": "FR", "德": "DE", "欧": "region:EU", "印": "IN", "澳": "AU", "加": "CA",
           "以": "IL", "非": "region:Africa", "越": "VN", "菲": "PH"},
    "ja": {"日": "JP", "米": "US", "中": "CN", "露": "RU", "ロ": "RU", "韓": "KR", "朝": "KP", "英": "GB",
           "仏": "FR", "独": "DE", "欧": "region:EU", "豪": "AU", "印": "IN", "台": "TW", "宇": "UA"},
}
#: The one-letter abbreviations of countries in Chinese and Japanese compounds, by language.
CJK_ABBREVIATIONS = CJK_ABBREV
# Pairs of abbreviations that make a compound (日俄 = Japan + Russia); each letter must be in the
# language's table, and the pair must be followed by one of these words (or be a listed pair).
ZH_PAIR_TAIL = ("两国", "双方", "关系", "之间", "间", "贸易", "合作", "联合", "峰会", "会谈", "首脑", "领导人",
                 "外长", "战争", "冲突", "边境", "争端", "对话", "友好", "建交", "同盟", "联盟", "军演", "条约",
                 "协议", "谈判", "元首", "和平", "对抗", "竞争", "矛盾", "紧张", "分歧", "博弈", "贸易战", "领土",
                 "三国", "三方", "四国", "等国", "两军", "交流", "经贸", "摩擦")
ZH_PAIRS_ALWAYS = ("中美", "中俄", "日俄", "俄日", "日美", "美日", "美俄", "俄美", "俄乌", "乌俄", "日韩", "韩日",
                    "中日", "日中", "中韩", "韩中", "美韩", "韩美", "美朝", "朝美", "朝韩", "韩朝", "中欧", "美欧",
                    "中印", "中越", "中菲", "美以")
ZH_SINGLE = {  # one abbreviation glued to a word that makes it unambiguous
    "prefix": ("对", "访", "驻", "赴", "来", "援", "反", "亲", "抗", "侵", "涉", "旅", "在", "留", "离", "返"),
    "suffix": ("方", "军", "籍", "媒", "企", "资", "商", "侨", "裔", "人", "元首", "总统", "外长", "政府", "帝"),
}
ZH_SINGLE_OK = {  # which abbreviations may stand alone with a prefix/suffix above
    "中": ("方", "资", "企"), "华": ("prefix", "人", "侨", "裔", "商", "企"), "美": ("prefix", "方", "军", "籍", "媒", "企", "资", "元首", "总统", "政府", "帝", "商"),
    "日": ("方", "军", "籍", "媒", "企", "资", "元首", "政府", "侨", "商"), "俄": ("prefix", "方", "军", "籍", "媒", "企", "资", "元首", "总统", "外长", "政府", "商", "侨"),
    "韩": ("prefix", "方", "军", "籍", "媒", "企", "资", "政府", "侨", "商"), "朝": ("方", "军"), "乌": ("prefix", "方", "军", "政府"),
    "英": ("方", "军", "籍", "媒"), "法": ("方", "军", "籍", "媒"), "德": ("方", "军", "籍", "媒"),
    "以": ("方", "军"),
}
JA_PAIRS = ("日米", "米日", "日中", "中日", "日露", "露日", "日ロ", "日韓", "韓日", "米中", "中米", "米露", "米ロ",
             "中露", "中ロ", "米韓", "韓米", "日朝", "米朝", "日英", "英米", "米英", "日豪", "日印", "日仏", "日独",
             "独仏", "日欧", "日台", "露宇", "ロ宇")
JA_SINGLE = ("訪米", "訪中", "訪日", "訪露", "訪ロ", "訪韓", "来日", "在日", "駐日", "在米", "駐米", "対米", "対中",
              "対露", "対ロ", "対韓", "米軍", "露軍", "ロ軍", "中国軍", "米側", "露側", "ロ側", "日本側", "中国側", "韓国側",
              "米政府", "露政府", "米大統領", "露大統領", "ロシア側")
#: Ordinary words that contain an abbreviation letter: consumed so that 其中美国 is not read as
#: 中美 + 国, nor 节日美食 as 日美 (and currencies and languages name no country here).
ZH_IGNORE = (
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

KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
ZH_RUN_LETTERS = frozenset("中美日俄韩朝英法德印澳加欧")

#: Short names that are also pieces of ordinary words: name -> (characters that must not come
#: before it, characters that must not follow it). 沿海地区 is "coastal areas", not Haiti.
ZH_TRAPS = {
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
SUBDIV_EN = {
    "CN-NM": "Inner Mongolia", "CN-XZ": "Tibet;Xizang", "CN-NX": "Ningxia", "CN-GX": "Guangxi",
    "CN-XJ": "Xinjiang", "CN-HK": "Hong Kong", "CN-MO": "Macau;Macao", "CN-SN": "Shaanxi", "CN-SX": "Shanxi",
    "DE-BY": "Bavaria", "DE-NI": "Lower Saxony", "DE-SN": "Saxony", "DE-TH": "Thuringia", "DE-HE": "Hesse",
    "DE-RP": "Rhineland-Palatinate;Rhineland Palatinate", "DE-NW": "North Rhine-Westphalia;North Rhine Westphalia",
    "DE-ST": "Saxony-Anhalt",
    "DE-MV": "Mecklenburg-Western Pomerania", "DE-BW": "Baden-Württemberg", "DE-SL": "Saarland",
}
SUBDIV_ZH_EXTRA = {"US-AL": "阿拉巴马州;阿拉巴马", "US-MD": "马里兰州;马里兰", "US-MT": "蒙大拿州;蒙大拿",
                    "US-TX": "德克萨斯州;德州", "US-CA": "加州", "US-FL": "佛州", "US-NY": "纽约州",
                    "US-WV": "西弗吉尼亚州", "US-SC": "南卡罗来纳州", "US-IA": "爱荷华州"}
SUBDIV_COUNTRIES = ("CN", "US", "JP", "DE")
#: Countries whose subdivisions pycountry names in a language tqcheck reads.
SUBDIV_LOCAL = {"DE": "de"}
#: Names pycountry's translations misspell (Turinge, Westfalie).
SUBDIV_FIXED = {
    ("DE-TH", "fr"): "Thuringe", ("DE-NW", "fr"): "Rhénanie-du-Nord-Westphalie;Rhénanie du Nord-Westphalie",
    ("DE-MV", "fr"): "Mecklembourg-Poméranie-Occidentale;Mecklembourg-Poméranie occidentale",
    ("DE-HB", "fr"): "Brême",
}
SUBDIV_SKIP = {"CN-TW", "CN-HK", "CN-MO", "US-UM", "US-VI", "US-WA", "US-NY", "US-DC", "DE-BE", "DE-HH", "JP-13"}


def split(field_: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in field_.split(";") if n.strip())



#: One-character abbreviations of Chinese places (京 Beijing, 沪 Shanghai, 港 Hong Kong): a source
#: that has one may name the place without the gazetteer seeing it (countries are left out: their
#: letters, 中 美 日, are too common to tell anything).
ZH_ABBREVIATIONS = {
    "city:Beijing": "京", "city:Shanghai": "沪", "CN-SH": "沪", "HK": "港", "MO": "澳", "TW": "台",
    "city:Guangzhou": "穗", "CN-CQ": "渝", "CN-TJ": "津", "CN-HN": "湘", "CN-GD": "粤", "CN-SC": "川",
    "CN-SD": "鲁", "CN-ZJ": "浙", "CN-FJ": "闽", "CN-HB": "鄂", "CN-JX": "赣", "org:CPC": "党",
}

#: Russian adjectives of the countries news names most (lower-case in Russian): stem -> key.
RU_ADJECTIVES = (
    ("российск", "RU"), ("русск", "RU"), ("японск", "JP"), ("китайск", "CN"), ("американск", "US"),
    ("британск", "GB"), ("немецк", "DE"), ("германск", "DE"), ("французск", "FR"), ("итальянск", "IT"),
    ("испанск", "ES"), ("украинск", "UA"), ("белорусск", "BY"), ("польск", "PL"), ("турецк", "TR"),
    ("индийск", "IN"), ("корейск", "KR"), ("иранск", "IR"), ("израильск", "IL"), ("европейск", "region:Europe"),
    ("азиатск", "region:Asia"), ("африканск", "region:Africa"), ("канадск", "CA"), ("австралийск", "AU"),
)


# -- What the search does per language (tqcheck.check.gazetteer reads these; a new language is an entry) --

#: Letters that, three or more in a row, list abbreviated countries (美日印澳 "四边机制", 中日韩).
ABBREVIATION_RUNS = {"zh": ZH_RUN_LETTERS}
#: Short names that are also pieces of ordinary words: name -> (letters not before it, letters not after it).
PLACE_TRAPS = {"zh": ZH_TRAPS}
#: A letter that, before a two-letter name whose first letter is one too, makes the name part of a longer
#: word (白石川 is the Shiraishi River, not 石川 Ishikawa).
WORD_LETTERS = {"ja": KANJI}
#: Languages whose place names decline (Москвы, Японии), looked for by stems: the stems of the adjectives of
#: places (lower-case: российский) and how such adjectives end, which tells them from other lower-case words.
DECLINED_PLACES = {"ru": (RU_ADJECTIVES, ("ский", "цкий", "ской", "цкой"))}
#: One-letter abbreviations of places inside words of a language (京 for Beijing in 京津冀, 北交所): place key ->
#: letters. A translation may spell out what the source only abbreviates.
PLACE_ABBREVIATIONS = {"zh": ZH_ABBREVIATIONS}
#: Letters that, right after a place name, make it part of a word for its people or their origin (中国人,
#: 美籍, 日裔): the name is not the place itself, and a translation may say "Chinese".
PLACE_COMPOUND_HEADS = {"zh": "人籍裔"}
