"""Builds gold.json for the held-out set (format: shared/eval/FORMAT.md) and checks it against the report texts."""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent


def A(name, aliases=(), parent=None):
    return {"name": name, "aliases": list(aliases), "parent": parent}


def PER(name, aliases=(), affiliation=None):
    return {"name": name, "aliases": list(aliases), "affiliation": affiliation}


def S(name, aliases=(), kind="website"):
    return {"name": name, "aliases": list(aliases), "kind": kind}


def P(name, aliases, kind, country, lat, lon):
    return {"name": name, "aliases": list(aliases), "kind": kind, "country": country, "lat": lat, "lon": lon}


def Q(value, unit, qualifier=None):
    return {"value": value, "unit": unit, "qualifier": qualifier}


def E(type_, date, actors, places, source, evidence, modality="occurred", q=(), eq=(), persons=(), opt=False):
    return {"type": type_, "modality": modality, "date": date, "actors": list(actors), "places": list(places),
            "source": source, "quantities": list(q), "equipment": list(eq), "persons": list(persons),
            "evidence": evidence, "optional": opt}


# ---------------------------------------------------------------- shared entities
IRGC = "Islamic Revolutionary Guard Corps"
IBM = "Iran-backed militias"
KH = "Kata'ib Hezbollah"
USAF = "United States Armed Forces"
OIR = "Combined Joint Task Force – Operation Inherent Resolve"
SDF = "Syrian Democratic Forces"
SNA = "Syrian National Army"
TAF = "Turkish Armed Forces"
PMF = "Popular Mobilization Forces"
ISF = "Iraqi Security Forces"
IS = "Islamic State"
RAF = "Russian Armed Forces"
QF = "Quds Force"

a_ibm = lambda *extra: A(IBM, ["Iran-backed militias", "Iran-backed militia", "militias", "militia", "Iran-aligned militias",
                               "Iranian-backed militias", *extra])
a_kh = A(KH, ["Kataib Hezbollah", "Kata'ib Hizbullah", "Hezbollah Brigades", "Iraqi Hezbollah Brigades", "KH"])
a_us = lambda *extra: A(USAF, ["U.S. forces", "US forces", "U.S.", "United States", "American forces", *extra])
a_oir = lambda *extra: A(OIR, ["coalition", "Coalition", "CJTF-OIR", "International Coalition", "U.S.-led Coalition",
                               "Global Coalition", *extra])
a_irgc = lambda *extra: A(IRGC, ["IRGC", "Revolutionary Guards", "Iran's IRGC", "Islamic Revolutionary Guards Corps", *extra])
a_sdf = lambda *extra: A(SDF, ["SDF", "Syrian Democratic Forces (SDF)", *extra])
a_pmf = lambda *extra: A(PMF, ["PMF", "PMU", "Hashd al-Shaabi", "Popular Mobilisation Forces", *extra])
a_is = A(IS, ["ISIS", "ISIL", "IS", "Daesh", "Islamic State militants", "Islamic State fighters", "Islamic State gunmen"])
a_hez = lambda *extra: A("Hezbollah", ["Hizbullah", "Hizballah", "Lebanese Hezbollah", *extra])
a_raf = lambda *extra: A(RAF, ["Russia", "Russian", "Russian forces", "Russian military", *extra])
a_qf = lambda *extra: A(QF, ["IRGC-Quds Force", "IRGC-QF", "Qods Force", "Islamic Revolutionary Guard Corps – Quds Force", *extra])
a_isf = lambda *extra: A(ISF, ["Iraqi security forces", "ISF", *extra])
a_taf = lambda *extra: A(TAF, ["Turkey", "Turkish", "Turkish forces", "Turkish Army", "Ankara", *extra])
a_sna = A(SNA, ["SNA", "Turkish-backed Syrian National Army", "SNA factions", "Syrian National Army (SNA)"])

p_syria = P("Syria", ["Syrian Arab Republic"], "country", "SY", 35.0, 38.5)
p_iraq = P("Iraq", ["Republic of Iraq"], "country", "IQ", 33.0, 43.7)
p_lebanon = P("Lebanon", [], "country", "LB", 33.9, 35.9)
p_turkey = P("Turkey", ["Türkiye"], "country", "TR", 39.0, 35.2)
p_cyprus = P("Cyprus", [], "country", "CY", 35.0, 33.0)
p_libya = P("Libya", [], "country", "LY", 26.3, 17.2)
p_damascus = P("Damascus", ["Dimashq"], "city", "SY", 33.514, 36.277)
p_baghdad = P("Baghdad", [], "city", "IQ", 33.341, 44.401)
p_beirut = P("Beirut", [], "city", "LB", 33.893, 35.502)
p_tehran = P("Tehran", [], "city", "IR", 35.689, 51.389)
p_erbil = P("Erbil", ["Arbil", "Irbil"], "city", "IQ", 36.191, 44.009)
p_basra = P("Basra", ["Basrah"], "city", "IQ", 30.508, 47.783)
p_hit = P("Hit", ["Heet"], "city", "IQ", 33.638, 42.827)
p_qaim = lambda *extra: P("Al-Qa'im", ["al-Qaim", "Al Qaim", "Qaim", *extra], "city", "IQ", 34.38, 41.05)
p_jurf = P("Jurf al-Sakhar", ["Jurf al-Nasr", "Jurf al-Sakhr"], "city", "IQ", 32.89, 44.17)
p_anbar = lambda *extra: P("Anbar Governorate", ["Anbar", "Al Anbar", *extra], "region", "IQ", 33.0, 42.0)
p_abukamal = P("Abu Kamal", ["Al-Bukamal", "Albu Kamal", "Al Bukamal"], "city", "SY", 34.453, 40.918)
p_abukamal_x = P("Abu Kamal border crossing", ["Abu Kamal crossing", "Al-Bukamal crossing"], "facility", "SY", 34.42, 40.98)
p_mayadin = P("Al-Mayadin", ["al-Mayadin", "Mayadin", "Al-Mayadeen"], "city", "SY", 35.021, 40.453)
p_dezg = lambda *extra: P("Deir ez-Zor Governorate", ["Deir ez-Zor province", "Deir Ezzor Governorate", *extra], "region", "SY", 35.0, 40.3)
p_omar = P("Al-Omar oil field", ["al-Omar oil field", "Omar oil field", "al-Omar field"], "facility", "SY", 35.07, 40.555)
p_khmeimim = P("Khmeimim Air Base", ["Khmeimim", "Hmeimim", "Hmeimim Air Base", "Khmeimim base"], "facility", "SY", 35.401, 35.949)
p_latakia = P("Latakia", ["Lattakia", "Al-Ladhiqiyah"], "city", "SY", 35.52, 35.791)
p_jableh = P("Jableh", ["Jableh", "Jablah"], "city", "SY", 35.361, 35.925)
p_baniyas = P("Baniyas", ["Banias", "Banyas"], "city", "SY", 35.182, 35.94)
p_t4 = P("T4 Airbase", ["T4 airbase", "Tiyas Airbase", "T-4"], "facility", "SY", 34.522, 37.627)
p_raqqa = P("Raqqa", ["Al-Raqqa", "Ar-Raqqah"], "city", "SY", 35.953, 39.009)
p_tabqa = P("Tabqa", ["Al-Tabqa", "Al-Thawrah"], "city", "SY", 35.836, 38.548)
p_hasakah = lambda *extra: P("Al-Hasakah", ["al-Hasakah", "Hasakah", "Hassakeh", *extra], "city", "SY", 36.502, 40.748)
p_euphrates = lambda lat, lon, *extra: P("Euphrates", ["Euphrates River", "the river", *extra], "region", "SY", lat, lon)
p_homs = P("Homs", [], "city", "SY", 34.724, 36.726)

DISCLAIMER = ("Illustrative report written by the sitrep developers for testing and demonstration; the events, "
              "sources and people described are fictional.")

docs = []

# ---------------------------------------------------------------- o01
docs.append({
    "id": "o01_hearing-force-protection-iraq-syria",
    "published": "2024-03-14",
    "publisher": "Capitol Ledger",
    "title": "Force Protection in Iraq and Syria After the March Attacks",
    "actors": [
        a_ibm("militia fighters", "militia workshops"),
        a_us("U.S. forces", "American"),
        a_oir("the coalition's Green Village site"),
        a_kh,
        a_isf("Iraqi security forces"),
        A("United States Department of Defense", ["Pentagon", "the Department", "Department of Defense", "DoD"]),
        A("Iraqi Joint Operations Command", ["Joint Operations Command", "the command", "JOC"], ISF),
        A("Iraqi Federal Police", ["Iraqi federal police", "Federal Police"], ISF),
        A("Harakat Hezbollah al-Nujaba", ["Harakat al-Nujaba", "Nujaba", "al-Nujaba", "Nujaba fighters", "Al-Nujaba Movement"]),
        a_irgc("IRGC instructors"),
    ],
    "persons": [
        PER("Marian Colfax", ["Colfax"], "United States Department of Defense"),
        PER("Peter Lindqvist", ["Lindqvist", "Rear Admiral Peter Lindqvist"], None),
        PER("Dana Whitcombe", ["Whitcombe", "Chair Dana Whitcombe"], None),
    ],
    "sources": [
        S("United States Department of Defense", ["Pentagon", "Pentagon testimony", "the Department", "Department of Defense"], "statement"),
        S("Meridian Gulf Institute", ["Meridian Gulf Institute testimony"], "statement"),
        S(KH, ["Kata'ib Hezbollah Telegram statement", "Telegram statement"], "telegram"),
    ],
    "places": [
        P("Ain al-Asad Air Base", ["Ain al-Asad", "Al Asad Airbase", "Ayn al-Asad"], "facility", "IQ", 33.786, 42.441),
        p_hit,
        P("Green Village", ["Green Village site", "Mission Support Site Green Village"], "facility", "SY", 35.08, 40.55),
        p_omar,
        P("eastern Syria", ["East Syria"], "region", "SY", 35.0, 40.2),
        p_qaim(),
        p_syria, p_iraq,
        p_jurf,
        p_erbil,
        P("Al-Tanf garrison", ["al-Tanf garrison", "al-Tanf", "Tanf", "At-Tanf"], "facility", "SY", 33.5, 38.62),
        p_baghdad,
        p_anbar("western Anbar desert", "Anbar desert"),
        p_basra,
        P("Maysan Governorate", ["Maysan", "Maysan province"], "region", "IQ", 31.9, 47.1),
    ],
    "events": [
        E("attack", "2024-03-09", [IBM, USAF], ["Ain al-Asad Air Base", "Hit", "Anbar Governorate"], "United States Department of Defense",
          "Iran-backed militias launched three one-way attack drones at Ain al-Asad Air Base last Saturday from the desert west of Hit, and that two of them were shot down short of the perimeter",
          q=[Q(3, "one-way attack drones"), Q(2, "drones shot down")], eq=["one-way attack drones"]),
        E("attack", "2024-03-12", [IBM, OIR], ["Green Village", "Al-Omar oil field", "eastern Syria"], "United States Department of Defense",
          "Three days later, she said, militia fighters fired five 107mm rockets at the coalition's Green Village site beside the al-Omar oil field in eastern Syria",
          q=[Q(5, "rockets")], eq=["107mm rockets"]),
        E("attack", "2024-03-11", [USAF, KH], ["Al-Qa'im"], "United States Department of Defense",
          "U.S. forces struck two weapons storage sites used by Kata'ib Hezbollah near al-Qaim on the night of March 11",
          q=[Q(2, "weapons storage sites")]),
        E("transfer", "2024-02", [IBM], ["Syria", "Al-Qa'im", "Iraq", "Jurf al-Sakhar"], "United States Department of Defense",
          "a shipment of roughly 40 crates of drone components that crossed from Syria into Iraq at al-Qaim in late February; the Department assessed that it was bound for militia workshops in Jurf al-Sakhar",
          q=[Q(40, "crates", "roughly")], eq=["drone components"]),
        E("arrest", "2024-03-10", [ISF], ["Hit", "Ain al-Asad Air Base"], "United States Department of Defense",
          "Iraqi security forces detained four men near Hit on March 10 in connection with the Ain al-Asad launch",
          q=[Q(4, "men")]),
        E("posture", "2024-03", [USAF], ["Erbil", "Al-Tanf garrison"], "United States Department of Defense",
          "Following the first attack, force protection at Erbil and at the al-Tanf garrison was raised to its highest level"),
        E("movement", "2024-03", [USAF], ["Ain al-Asad Air Base"], "United States Department of Defense",
          "An additional Patriot battery has been ordered to Ain al-Asad and is expected to arrive before the end of the month",
          modality="planned", q=[Q(1, "Patriot battery")], eq=["patriot battery"]),
        E("meeting", "2024-03-05", ["United States Department of Defense", "Iraqi Joint Operations Command"], ["Baghdad"],
          "United States Department of Defense",
          "she had met officials of the Iraqi Joint Operations Command in Baghdad on March 5", persons=["Marian Colfax"]),
        E("agreement", "2024-03-01", ["United States Department of Defense", "Iraqi Joint Operations Command", "Iraqi Federal Police"],
          ["Ain al-Asad Air Base"], "United States Department of Defense",
          "Under an arrangement reached with the command on March 1, Iraqi federal police will take over the outer checkpoints at Ain al-Asad"),
        E("movement", "2024-03", ["Iraqi Federal Police"], ["Ain al-Asad Air Base"], "United States Department of Defense",
          "Iraqi federal police will take over the outer checkpoints at Ain al-Asad", modality="planned", opt=True),
        E("movement", "2024-03", [KH], ["Jurf al-Sakhar", "Anbar Governorate"], "Meridian Gulf Institute",
          "It is believed, he said, that Kata'ib Hezbollah moved several launch teams from Jurf al-Sakhar into the western Anbar desert in early March",
          q=[Q(None, "launch teams", "several")]),
        E("recruitment", "2024-01", ["Harakat Hezbollah al-Nujaba"], ["Basra", "Maysan Governorate"], "Meridian Gulf Institute",
          "Harakat al-Nujaba opened a recruitment drive in Basra and Maysan in January, offering volunteers about $600 a month",
          q=[Q(600, "US dollars a month", "about")]),
        E("training", "2023", [IRGC, IBM], ["Jurf al-Sakhar"], "Meridian Gulf Institute",
          "drone operators from several militias were trained at a camp near Jurf al-Sakhar by IRGC instructors last autumn",
          eq=["drones"], opt=True),
    ],
})

# ---------------------------------------------------------------- o02
TREAS = "United States Department of the Treasury"
docs.append({
    "id": "o02_sanctions-baniyas-oil-network",
    "published": "2023-06-20",
    "publisher": "Sanctions Wire Daily",
    "title": "Treasury targets tanker network said to supply Baniyas for the Quds Force and Hezbollah",
    "actors": [
        A(TREAS, ["U.S. Treasury Department", "Treasury", "Treasury Department", "the department"]),
        a_qf("Quds Force oil officials", "Quds Force oil official"),
        a_hez("Hezbollah finance officials"),
        A("Syrian Ministry of Petroleum", ["Syria's Ministry of Petroleum", "the ministry", "Ministry of Petroleum and Mineral Resources"]),
        a_isf("Iraqi authorities", "Iraq's interior ministry", "Iraqi Ministry of Interior"),
    ],
    "persons": [
        PER("Hamid Reza Tavakoli", ["Tavakoli"], QF),
        PER("Faris al-Obeidi", ["al-Obeidi"], None),
    ],
    "sources": [
        S(TREAS, ["Treasury statement", "Treasury", "U.S. Treasury Department"], "statement"),
        S("Hullmark Analytics", ["Hullmark"], "website"),
        S("Sanctions Wire Daily", ["Sanctions Wire", "this publication"], "website"),
    ],
    "places": [
        P("Washington", ["Washington, D.C.", "WASHINGTON"], "city", "US", 38.895, -77.037),
        p_baniyas,
        P("Kharg Island", ["Kharg", "Khark"], "city", "IR", 29.26, 50.33),
        P("Suez Canal", ["Suez"], "region", "EG", 30.6, 32.33),
        P("Baniyas refinery", ["Baniyas oil refinery"], "facility", "SY", 35.21, 35.95),
        P("Al-Qusayr", ["al-Qusayr", "Qusayr"], "city", "SY", 34.508, 36.58),
        P("Bekaa Valley", ["Bekaa", "Beqaa Valley"], "region", "LB", 33.85, 35.9),
        p_damascus, p_tehran,
        P("Baniyas port", ["port of Baniyas"], "facility", "SY", 35.18, 35.93),
        p_abukamal_x,
        p_basra, p_beirut, p_syria, p_homs,
    ],
    "events": [
        E("directive", "2023-06-20", [TREAS, QF, "Hezbollah"], ["Baniyas"], TREAS,
          "The U.S. Treasury Department designated today three shipping companies, two tankers and four individuals",
          q=[Q(3, "shipping companies"), Q(2, "tankers"), Q(4, "individuals")], opt=True),
        E("transfer", "2023-03", [QF], ["Baniyas"], TREAS,
          "the tanker Sea Lantern delivered about 750,000 barrels of Iranian crude to Baniyas in March",
          q=[Q(750000, "barrels", "about")], eq=["tanker", "crude oil"]),
        E("transfer", "2023-04-21", [QF], ["Kharg Island", "Suez Canal", "Baniyas"], TREAS,
          "A second vessel, the Azure Dune, loaded roughly one million barrels at Kharg Island in early April, switched off its transponder after transiting the Suez Canal, and discharged the cargo at Baniyas on the 21st of that month",
          q=[Q(1000000, "barrels", "roughly")], eq=["tanker", "crude oil"]),
        E("agreement", "2023-01", [QF, "Syrian Ministry of Petroleum"], [], TREAS,
          "a barter arrangement agreed in January between the Quds Force and Syria's Ministry of Petroleum"),
        E("transfer", "2023-05", ["Hezbollah"], ["Baniyas refinery", "Al-Qusayr", "Bekaa Valley"], TREAS,
          "In May, some 60 tanker trucks then carried diesel from the Baniyas refinery across the border near al-Qusayr to depots in the Bekaa Valley controlled by Hezbollah",
          q=[Q(60, "tanker trucks", "some")], eq=["tanker trucks", "diesel"]),
        E("meeting", "2023-02", [QF, "Hezbollah"], ["Damascus"], TREAS,
          "Hamid Reza Tavakoli, described as a Quds Force oil official, who met a senior Hezbollah finance officer in Damascus in February to settle payments",
          persons=["Hamid Reza Tavakoli"]),
        E("movement", "2022", [QF], ["Tehran", "Damascus"], TREAS,
          "Tavakoli travelled from Tehran to Damascus at least four times last year",
          q=[Q(4, "trips", "at least")], persons=["Hamid Reza Tavakoli"], opt=True),
        E("establishment", "2022", [QF], ["Baniyas port"], TREAS,
          "The network also leased a fuel storage depot inside Baniyas port in 2022", opt=True),
        E("attack", "2022-11", [QF], ["Abu Kamal border crossing"], TREAS,
          "last November, an unclaimed drone strike destroyed four fuel tankers belonging to the network near the Abu Kamal crossing",
          q=[Q(4, "fuel tankers")], eq=["drone", "fuel tankers"], opt=True),
        E("arrest", "2023-05", [ISF], ["Basra"], TREAS,
          "Iraqi authorities detained a ship agent, Faris al-Obeidi, in Basra in May",
          q=[Q(1, "ship agent")], persons=["Faris al-Obeidi"]),
        E("transfer", "2023-06", [], ["Baniyas"], "Hullmark Analytics",
          "a third vessel linked to the same managers, the Pale Orchid, is expected to reach Baniyas next week carrying about 700,000 barrels",
          modality="planned", q=[Q(700000, "barrels", "about")], eq=["tanker", "crude oil"]),
        E("movement", "2023-06", [QF], ["Beirut"], "Sanctions Wire Daily",
          "Two Quds Force oil officials arrived in Beirut last week", q=[Q(2, "officials")]),
        E("meeting", "2023-06", [QF, "Hezbollah"], ["Beirut"], "Sanctions Wire Daily",
          "They are set to meet Hezbollah finance officials to open new payment channels", modality="planned"),
    ],
})

# ---------------------------------------------------------------- o03
STG = "Syrian transitional government"
docs.append({
    "id": "o03_maritime-tartus-russian-sealift",
    "published": "2025-02-10",
    "publisher": "Levant Hull Watch",
    "title": "Russian sealift at Tartus picks up; crude arrives at Baniyas",
    "actors": [
        a_raf("Russian Navy", "Moscow", "Russian personnel", "Russian commanders", "Russian military trucks"),
        A(STG, ["new authorities in Damascus", "Damascus", "Syrian interim government", "Syrian government"]),
        A("General Security Service", ["General Security", "General Security personnel"], STG),
        a_taf("Turkish corvette", "Turkish navy", "Turkish Ministry of National Defense"),
        A("Syrian Petroleum Company", ["SPC"], STG),
        A("Assad regime remnants", ["remnants of the former regime", "former regime"]),
    ],
    "persons": [],
    "sources": [
        S("Levant Hull Watch", ["Hull Watch"], "website"),
        S("Sahil Now", ["Telegram channel Sahil Now"], "telegram"),
        S("Turkish Ministry of National Defense", ["Turkish Defence Ministry", "Turkish Ministry of Defense"], "statement"),
    ],
    "places": [
        P("Syrian coastal region", ["Syrian coast", "the coast"], "region", "SY", 35.3, 35.95),
        P("Tartus", ["Tartous", "Tartous port"], "city", "SY", 34.889, 35.887),
        P("Baltiysk", ["Baltiysk naval base"], "city", "RU", 54.65, 19.91),
        p_khmeimim,
        p_jableh,
        P("Tobruk", ["Tobruq"], "city", "LY", 32.076, 23.96),
        p_libya, p_cyprus,
        P("Tartus naval facility", ["naval facility", "Tartus naval base", "Russian naval facility in Tartus"], "facility", "SY", 34.906, 35.871),
        P("Crete", [], "region", "GR", 35.24, 24.81),
        p_latakia,
        p_baniyas,
        P("Baniyas oil terminal", ["Baniyas terminal"], "facility", "SY", 35.21, 35.93),
        P("Novorossiysk", [], "city", "RU", 44.72, 37.77),
    ],
    "events": [
        E("movement", "2025-02-06", [RAF], ["Baltiysk", "Tartus"], "Levant Hull Watch",
          "A Ropucha-class landing ship of the Russian Navy arrived at Tartus last Thursday after an eleven-day passage from Baltiysk",
          q=[Q(1, "landing ship")], eq=["ropucha-class landing ship"]),
        E("transfer", "2025-02-07", [RAF], ["Khmeimim Air Base", "Tartus"], "Levant Hull Watch",
          "Over the following day it was loaded with about 40 vehicles, among them BTR-82A armoured personnel carriers and at least two Pantsir-S1 air-defence systems. Those vehicles had been driven down from Khmeimim Air Base",
          q=[Q(40, "vehicles", "about"), Q(2, "Pantsir-S1 air-defence systems", "at least")],
          eq=["btr-82a armoured personnel carriers", "pantsir-s1 air-defence systems"]),
        E("movement", "2025-02-04", [RAF], ["Khmeimim Air Base", "Jableh", "Tartus"], "Levant Hull Watch",
          "a convoy of roughly 60 Russian military trucks and armoured vehicles travelled from Khmeimim to Tartus along the coastal highway on 4 February",
          q=[Q(60, "military trucks and armoured vehicles", "roughly")], eq=["military trucks", "armoured vehicles"]),
        E("movement", "2025-02", [RAF], ["Tartus", "Tobruk", "Libya"], "Levant Hull Watch",
          "The landing ship is set to sail for Tobruk, Libya, once loading is complete", modality="planned",
          eq=["ropucha-class landing ship"]),
        E("movement", "2025-02-09", [RAF], ["Cyprus", "Tartus"], "Levant Hull Watch",
          "A second Ropucha-class ship, which had waited off Cyprus for nine days, entered Tartus on the 9th",
          q=[Q(1, "landing ship")], eq=["ropucha-class landing ship"]),
        E("movement", "2025-02-02", [RAF], ["Tartus naval facility", "Crete"], "Levant Hull Watch",
          "the Admiral Grigorovich-class frigate that had been berthed at the naval facility sailed west on 2 February and was last seen off Crete",
          q=[Q(1, "frigate")], eq=["admiral grigorovich-class frigate"]),
        E("establishment", "2025-02-08", [RAF], ["Tartus naval facility"], "Levant Hull Watch",
          "Imagery dated 8 February shows that Russian personnel have erected a new fenced loading area on the northern pier of the naval facility",
          q=[Q(2, "mobile cranes")], eq=["mobile cranes"]),
        E("agreement", "2025-01", [RAF, STG], ["Tartus"], "Levant Hull Watch",
          "Moscow and the new authorities in Damascus reportedly agreed last month to let Russian vessels keep calling at Tartus for resupply"),
        E("directive", "2025-02", [RAF], ["Khmeimim Air Base", "Jableh"], "Levant Hull Watch",
          "Russian commanders at Khmeimim ordered personnel to stay inside the base perimeter and suspended the routine patrols to Jableh early this month"),
        E("arrest", "2025-02-05", ["General Security Service", "Assad regime remnants"], ["Jableh"], "Sahil Now",
          "On 5 February, General Security personnel detained six crew members of a fishing boat near Jableh on suspicion of smuggling weapons to remnants of the former regime",
          q=[Q(6, "crew members")], eq=["fishing boat", "weapons"]),
        E("movement", "2025-02-08", [TAF], ["Latakia"], "Levant Hull Watch",
          "Local fishermen also claimed that a Turkish corvette was seen off Latakia on the 8th",
          q=[Q(1, "corvette")], eq=["corvette"], opt=True),
        E("transfer", "2025-02-03", ["Syrian Petroleum Company"], ["Novorossiysk", "Baniyas oil terminal", "Baniyas"], "Levant Hull Watch",
          "The tanker Marigold Star discharged about 600,000 barrels of Russian Urals crude at the Baniyas terminal on 3 February for the Syrian Petroleum Company, after loading at Novorossiysk in mid-January",
          q=[Q(600000, "barrels", "about")], eq=["tanker", "crude oil"]),
    ],
})

# ---------------------------------------------------------------- o04
docs.append({
    "id": "o04_aviation-tehran-damascus-cargo",
    "published": "2022-09-19",
    "publisher": "Skyline Ledger",
    "title": "Weekly airlift tracker — Issue 37, week ending Sunday 18 September 2022",
    "actors": [
        A("Fars Air Qeshm", ["Qeshm Fars Air", "Fars Air Qeshm 747"]),
        a_irgc("IRGC aerospace officers"),
        A("Syrian Arab Army", ["Syrian air-defence units", "Syrian army", "Syrian Armed Forces"]),
        A("Syrian Arab Air Force", ["Syrian air force", "Syrian air force officers"], "Syrian Arab Army"),
        A("Mahan Air", ["Mahan"]),
        A("Israel", ["Israeli", "Israel Defense Forces"]),
        A("Iran", ["Iranian", "Islamic Republic of Iran"]),
        A("Syrian General Authority of Civil Aviation", ["General Authority of Civil Aviation", "Syria's General Authority of Civil Aviation"]),
        a_raf("Russian Aerospace Forces"),
    ],
    "persons": [],
    "sources": [
        S("Skyline Ledger", ["Skyline Ledger tracking desk", "our desk"], "website"),
    ],
    "places": [
        P("Damascus International Airport", ["Damascus airport", "Damascus International"], "facility", "SY", 33.411, 36.516),
        P("Payam International Airport", ["Payam airport"], "facility", "IR", 35.776, 50.826),
        P("Karaj", [], "city", "IR", 35.84, 50.939),
        P("Mezzeh Military Airport", ["Mezzeh military airport", "Mezzeh airbase"], "facility", "SY", 33.477, 36.223),
        p_tehran, p_damascus,
        P("Aleppo International Airport", ["Aleppo airport"], "facility", "SY", 36.181, 37.224),
        P("Aleppo", ["Halab"], "city", "SY", 36.201, 37.161),
        p_latakia, p_t4, p_homs, p_beirut,
        P("Mozdok", ["Mozdok air base"], "city", "RU", 43.74, 44.66),
        p_khmeimim, p_jableh, p_syria,
        P("Deir ez-Zor Airport", ["Deir ez-Zor airport", "Deir ez-Zor Military Airport"], "facility", "SY", 35.285, 40.176),
    ],
    "events": [
        E("attack", "2022-09", [], ["Damascus International Airport"], "Skyline Ledger",
          "a strike on Damascus International Airport that disrupted the week's schedule", opt=True),
        E("transfer", "2022-09-12", ["Fars Air Qeshm", IRGC], ["Payam International Airport", "Karaj", "Damascus International Airport"],
          "Skyline Ledger",
          "Fars Air Qeshm Boeing 747 freighter EP-QXA, flight QFZ9964, flew from Payam International Airport near Karaj to Damascus International Airport ... It is believed to have carried air-defence components for the IRGC",
          eq=["boeing 747 freighter", "air-defence components"]),
        E("movement", "2022-09-12", [IRGC], ["Payam International Airport", "Damascus International Airport"], "Skyline Ledger",
          "The same flight reportedly brought a delegation of IRGC aerospace officers"),
        E("meeting", "2022-09-13", [IRGC, "Syrian Arab Air Force"], ["Mezzeh Military Airport"], "Skyline Ledger",
          "they met Syrian air force officers at Mezzeh military airport the following day"),
        E("transfer", "2022-09-14", ["Mahan Air"], ["Tehran", "Damascus"], "Skyline Ledger",
          "Mahan Air flight W51152 from Tehran landed in Damascus at 02:40 local time. A source at the airport said about 12 tonnes of crates were offloaded directly onto military trucks",
          q=[Q(12, "tonnes of crates", "about")], eq=["crates", "military trucks"]),
        E("attack", "2022-09-17", ["Israel", IRGC], ["Damascus International Airport"], None,
          "In the early hours, missiles struck a hangar at Damascus International Airport used by the IRGC ... The statement blamed Israel",
          eq=["missiles"]),
        E("transfer", "2022-09-17", ["Iran"], ["Damascus International Airport"], None,
          "roughly two hours after an Iranian freighter had landed", eq=["freighter"], opt=True),
        E("movement", "2022-09-17", ["Fars Air Qeshm"], ["Aleppo International Airport"], "Skyline Ledger",
          "The second Fars Air Qeshm rotation of the week, due in that morning, was diverted to Aleppo International Airport", opt=True),
        E("directive", "2022-09-17", ["Syrian General Authority of Civil Aviation"], ["Aleppo", "Latakia", "Damascus International Airport"],
          "Skyline Ledger",
          "Syria's General Authority of Civil Aviation ordered all civilian flights for the day to be diverted to Aleppo and Latakia"),
        E("posture", "2022-09-17", ["Syrian Arab Army"], ["T4 Airbase"], "Skyline Ledger",
          "Syrian air-defence units at the T4 airbase were also placed on heightened readiness"),
        E("establishment", "2022-09", [IRGC], ["Damascus International Airport"], "Skyline Ledger",
          "the IRGC has set up a new cargo handling section on the southern apron this month"),
        E("movement", "2022-09-15", [RAF], ["Mozdok", "Khmeimim Air Base"], "Skyline Ledger",
          "A Russian Aerospace Forces Il-76MD, RA-78817, flew from Mozdok to Khmeimim Air Base over Iranian and Iraqi airspace, bringing a rotation of about 100 personnel",
          q=[Q(100, "personnel", "about")], eq=["il-76md"]),
        E("movement", "2022-09-16", [RAF], ["Khmeimim Air Base", "Mozdok"], "Skyline Ledger",
          "The return leg left on Friday with a similar number", q=[Q(None, "personnel", "similar number")], eq=["il-76md"]),
        E("transfer", "2022-09-21", ["Fars Air Qeshm"], ["Damascus"], "Skyline Ledger",
          "Our desk expects the Fars Air Qeshm 747 to fly another load of drone parts to Damascus this Wednesday",
          modality="planned", eq=["boeing 747 freighter", "drone parts"]),
    ],
})

# ---------------------------------------------------------------- o05
docs.append({
    "id": "o05_imagery-imam-ali-base-abu-kamal",
    "published": "2024-06-05",
    "publisher": "Orbital Desk",
    "title": "Digging in at Imam Ali: new tunnels, a struck warehouse row and a busier border",
    "actors": [
        a_irgc("IRGC commanders", "IRGC-run"),
        A("Israel", ["Israeli", "Israel Defense Forces"]),
        a_ibm("Iraqi militias", "Militia security officers", "militia-run"),
        a_kh,
        A("Liwa Fatemiyoun", ["Fatemiyoun", "Fatemiyoun fighters", "Fatemiyoun Brigade", "Fatemiyoun Division"]),
    ],
    "persons": [],
    "sources": [
        S("Orbital Desk", [], "website"),
        S("Rijal al-Hudud", ["Rijal al-Hudud Telegram channel"], "telegram"),
    ],
    "places": [
        p_abukamal,
        p_dezg(),
        P("Imam Ali base", ["Imam Ali", "Imam Ali compound", "Imam Ali military base"], "facility", "SY", 34.4, 40.92),
        p_iraq,
        P("Al-Hamdan airfield", ["al-Hamdan airfield", "Hamdan airport", "Al-Hamdan airport"], "facility", "SY", 34.482, 40.869),
        P("Al-Qa'im border crossing", ["al-Qaim crossing", "Al Qaim border crossing"], "facility", "IQ", 34.41, 41.0),
        p_mayadin, p_t4,
        P("Homs Governorate", ["Homs province", "Homs governorate"], "region", "SY", 34.5, 38.0),
    ],
    "events": [
        E("establishment", "2024-05-14", [IRGC], ["Imam Ali base", "Abu Kamal"], "Orbital Desk",
          "Imagery dated 14 May shows three new tunnel entrances cut into the escarpment on the southern edge of the Imam Ali base",
          q=[Q(3, "tunnel entrances")]),
        E("establishment", "2024-05", [IRGC], ["Imam Ali base"], "Orbital Desk",
          "Fresh spoil heaps at a fourth point suggest that another entrance is being prepared", modality="planned",
          q=[Q(1, "tunnel entrance")]),
        E("transfer", "2024-06-01", [IRGC], ["Iraq", "Imam Ali base", "Abu Kamal"], "Orbital Desk",
          "In imagery dated 2 June, eight covered trucks are parked at the entrances with their rear doors open. A source in Abu Kamal said the trucks had brought missiles from Iraq the previous evening",
          q=[Q(8, "covered trucks")], eq=["covered trucks", "missiles"]),
        E("attack", "2024-05-21", ["Israel", IRGC], ["Imam Ali base"], "Orbital Desk",
          "A row of two warehouses in the base's northern sector was destroyed in an air strike on the night of 21 May ... widely attributed to Israel",
          q=[Q(2, "warehouses")]),
        E("posture", "2024-05", [IRGC], ["Imam Ali base"], "Rijal al-Hudud",
          "A militia-run Telegram channel, Rijal al-Hudud, said afterwards that the base had been placed on high alert"),
        E("meeting", "2024-05-25", [IRGC, IBM], ["Imam Ali base"], "Rijal al-Hudud",
          "The same channel claimed that IRGC commanders met leaders of Iraqi militias at the base on 25 May"),
        E("arrest", "2024-05-27", [IBM], ["Imam Ali base"], "Orbital Desk",
          "Militia security officers detained two shepherds near the base's perimeter on 27 May", q=[Q(2, "shepherds")]),
        E("establishment", "2024-05-30", [IBM], ["Al-Hamdan airfield"], "Orbital Desk",
          "At al-Hamdan airfield, north-west of the city, four new earth revetments and a graded strip appear in imagery dated 30 May ... we assess that Iran-backed militias have converted the southern end of the airfield into a launch site",
          q=[Q(4, "earth revetments")], eq=["drones"]),
        E("movement", "2024-05-24", [KH], ["Al-Qa'im border crossing", "Abu Kamal"], "Rijal al-Hudud",
          "a queue of about 30 vehicles, six of them heavy trucks, waiting at the al-Qaim crossing on the Iraqi side, facing west. Rijal al-Hudud claimed on the same day that the convoy carried Kata'ib Hezbollah reinforcements heading for Abu Kamal",
          q=[Q(30, "vehicles", "about"), Q(6, "heavy trucks")], eq=["heavy trucks"]),
        E("training", "2024-05-18", ["Liwa Fatemiyoun"], ["Al-Mayadin"], "Orbital Desk",
          "Local sources say Fatemiyoun fighters held live-fire exercises there on 18 May"),
        E("movement", "2024-05", [], ["T4 Airbase", "Homs Governorate"], "Orbital Desk",
          "the Pantsir-S1 battery visible in April imagery was gone by 28 May", q=[Q(1, "Pantsir-S1 battery")],
          eq=["pantsir-s1"]),
        E("attack", None, [], ["Imam Ali base"], "Orbital Desk",
          "The base has been struck repeatedly since 2018", opt=True),
    ],
})

# ---------------------------------------------------------------- o06
AANES = "Autonomous Administration of North and East Syria"
docs.append({
    "id": "o06_explainer-tishreen-dam-fighting",
    "published": "2025-01-20",
    "publisher": "The Northern Brief",
    "title": "Explainer: why the fight for Tishreen Dam matters, in eight questions",
    "actors": [
        a_sna,
        a_sdf("SDF commander"),
        a_taf("Turkish drones", "Turkish drone", "Turkish Ministry of National Defense"),
        A(AANES, ["Autonomous Administration", "the administration", "AANES", "Kurdish administration"]),
        A("Asayish", ["Asayish", "internal security force"], AANES),
        a_us("U.S. military delegation", "Washington"),
    ],
    "persons": [],
    "sources": [
        S("The Northern Brief", ["Northern Brief"], "website"),
        S(SDF, ["SDF", "SDF media office"], "statement"),
        S(SNA, ["SNA", "SNA statement"], "statement"),
        S("Turkish Ministry of National Defense", ["Turkish Defence Ministry", "Turkish Ministry of Defense"], "statement"),
        S("Shahba Front Updates", [], "telegram"),
    ],
    "places": [
        P("Tishreen Dam", ["the dam", "Tishrin Dam"], "facility", "SY", 36.38, 38.184),
        p_euphrates(36.38, 38.18),
        P("Manbij", ["Menbij"], "city", "SY", 36.528, 37.955),
        P("Qara Qozak bridge", ["Qara Qozak", "Qarah Qawzak bridge"], "facility", "SY", 36.65, 38.27),
        P("Kobani", ["Ain al-Arab", "Kobane"], "city", "SY", 36.891, 38.354),
        P("Sarrin", ["Sirrin"], "city", "SY", 36.63, 38.41),
        p_raqqa, p_tabqa, p_turkey,
        p_hasakah(),
    ],
    "events": [
        E("attack", "2025-01", [SNA, SDF], ["Tishreen Dam"], "The Northern Brief",
          "has become the main front between the Turkish-backed Syrian National Army (SNA) and the Syrian Democratic Forces (SDF)", opt=True),
        E("attack", "2025-01-19", [SNA, SDF], ["Qara Qozak bridge"], None,
          "Fighting between the two near the Qara Qozak bridge, about 25 km upstream, resumed on Sunday"),
        E("attack", "2025-01", [TAF, SDF], ["Tishreen Dam"], "The Northern Brief",
          "Turkish drones strike SDF positions and, increasingly, vehicles on the roads leading to the dam", eq=["drones"], opt=True),
        E("attack", "2025-01-15", [TAF], ["Kobani", "Tishreen Dam"], "The Northern Brief",
          "Last Wednesday a Turkish drone hit a civilian convoy heading to the dam from Kobani, killing at least three people",
          q=[Q(3, "people killed", "at least")], eq=["drone"]),
        E("attack", "2025-01-16", [SDF, TAF], ["Sarrin"], SDF,
          "The SDF says it shot down a Bayraktar TB2 over the village of Sarrin on Thursday", q=[Q(1, "drone")], eq=["bayraktar tb2"]),
        E("seizure", "2025-01-18", [SNA, SDF], ["Tishreen Dam"], SNA,
          "In a statement on Saturday, the SNA claimed it had seized two hilltop positions east of the dam",
          q=[Q(2, "hilltop positions")]),
        E("directive", "2025-01-08", [AANES], ["Raqqa", "Tabqa", "Kobani", "Tishreen Dam"], "The Northern Brief",
          "On January 8 the Autonomous Administration called on residents of Raqqa, Tabqa and Kobani to travel to the dam in organised convoys"),
        E("movement", "2025-01-06", [SDF], ["Raqqa", "Tabqa", "Tishreen Dam"], "The Northern Brief",
          "The SDF moved reinforcements from Raqqa and Tabqa to the dam a fortnight ago"),
        E("arrest", "2025-01-14", ["Asayish"], ["Raqqa"], "The Northern Brief",
          "the Asayish, detained 11 people in Raqqa on the 14th", q=[Q(11, "people")]),
        E("posture", "2025-01-16", [TAF], [], "Turkish Ministry of National Defense",
          "the Turkish Ministry of National Defense said on Thursday that its units \"remain at full readiness\" along the frontier"),
        E("transfer", "2025-01", [TAF, SNA], ["Turkey", "Manbij"], "Shahba Front Updates",
          "the SNA received 20 armoured vehicles from Turkey last week and moved them to Manbij",
          q=[Q(20, "armoured vehicles")], eq=["armoured vehicles"]),
        E("meeting", "2025-01-17", [SDF, USAF], ["Al-Hasakah"], SDF,
          "A senior SDF commander met a U.S. military delegation in al-Hasakah on Friday"),
        E("agreement", "2024-12", [USAF], ["Manbij"], "The Northern Brief",
          "A ceasefire around Manbij that Washington brokered in December fell apart within days", opt=True),
        E("attack", None, [TAF], ["Kobani"], "The Northern Brief",
          "Ankara has repeatedly threatened a ground offensive on Kobani", modality="planned", opt=True),
    ],
})

# ---------------------------------------------------------------- o07
SHA = "Shaitat tribe"
DMC = "Deir ez-Zor Military Council"
docs.append({
    "id": "o07_tribal-notables-shaitat-statement",
    "published": "2022-10-27",
    "publisher": "Furat Valley Gazette",
    "title": "Shaitat notables give SDF 72 hours over Gharanij detainees",
    "actors": [
        A(SHA, ["Shaitat", "Shaitat notables", "Notables of the Shaitat tribe", "the notables", "Shaitat sheikhs"]),
        a_sdf("SDF units", "SDF fighters", "SDF military vehicles"),
        a_oir("coalition helicopters", "coalition officers"),
        a_is,
        A(DMC, ["Military Council", "Deir ez-Zor Military Council officials", "DMC"], SDF),
        a_ibm("fighters of the Iran-backed militias"),
    ],
    "persons": [
        PER("Mahmoud al-Hafl", ["Sheikh Mahmoud al-Hafl", "al-Hafl"], SHA),
    ],
    "sources": [
        S("Sawt al-Shaitat", ["the tribe's Telegram channel", "tribal statement"], "telegram"),
        S(SDF, ["SDF", "SDF statement"], "statement"),
        S("Furat Valley Gazette", ["the Gazette"], "newspaper"),
    ],
    "places": [
        P("Al-Busayrah", ["Al-Busayrah", "Busayra", "Al-Busayra"], "city", "SY", 35.155, 40.43),
        p_dezg("Deir ez-Zor"),
        P("Gharanij", ["Gharanij", "Ghranij"], "city", "SY", 34.905, 40.595),
        P("Abu Hamam", ["Abu Hammam", "Abu Hamam"], "city", "SY", 34.86, 40.64),
        p_omar,
        P("Dhiban", ["Thiban", "Diban"], "city", "SY", 35.01, 40.5),
        p_hasakah(),
        p_euphrates(35.3, 40.2),
        p_mayadin,
    ],
    "events": [
        E("directive", "2022-10-26", [SHA, SDF], ["Abu Hamam"], "Sawt al-Shaitat",
          "Notables of the Shaitat tribe issued a written statement on Wednesday demanding the release within 72 hours of young men detained in their villages, and instructing members of the tribe not to cooperate with the Syrian Democratic Forces (SDF)"),
        E("arrest", "2022-10-23", [SDF, OIR], ["Gharanij"], "Sawt al-Shaitat",
          "SDF units backed by coalition helicopters raided Gharanij before dawn on Sunday and detained 14 men",
          q=[Q(14, "men")], eq=["helicopters"]),
        E("arrest", "2022-10-23", [SDF, IS], ["Gharanij"], SDF,
          "the raid targeted an Islamic State cell and that \"a number of suspects\" had been arrested",
          q=[Q(None, "suspects", "a number of")], opt=True),
        E("attack", "2022-10-24", [SDF], ["Abu Hamam"], "Sawt al-Shaitat",
          "The following day, SDF fighters opened fire on a crowd protesting in Abu Hamam, killing a 17-year-old",
          q=[Q(1, "killed")]),
        E("movement", "2022-10-24", [SDF], ["Al-Omar oil field", "Abu Hamam"], "Furat Valley Gazette",
          "By the same evening, some 25 SDF military vehicles had reportedly arrived in Abu Hamam from the direction of the al-Omar oil field",
          q=[Q(25, "military vehicles", "some")], eq=["military vehicles"]),
        E("directive", "2022-10-24", [SDF], ["Gharanij", "Abu Hamam"], "Furat Valley Gazette",
          "a curfew was imposed on Gharanij and Abu Hamam from Monday night"),
        E("posture", "2022-10", [SDF], ["Al-Busayrah", "Al-Hasakah"], "Furat Valley Gazette",
          "Checkpoints on the road north to Al-Busayrah and onwards to Hasakah have since been reinforced"),
        E("meeting", "2022-10-25", [SHA, DMC], ["Al-Omar oil field"], "Furat Valley Gazette",
          "A meeting was held on Tuesday at the al-Omar oil field between six Shaitat notables and officials of the Deir ez-Zor Military Council",
          q=[Q(6, "notables")]),
        E("agreement", "2022-10-25", [SHA, DMC], ["Al-Omar oil field"], "Furat Valley Gazette",
          "It was agreed there that six of the detainees would be released", q=[Q(6, "detainees")]),
        E("attack", "2022-10-25", [DMC], ["Dhiban"], "Furat Valley Gazette",
          "Also on Tuesday, unknown gunmen on a motorcycle shot dead a Military Council member in Dhiban",
          q=[Q(1, "killed")], eq=["motorcycle"]),
        E("recruitment", "2022-09", [SDF], [], "Furat Valley Gazette",
          "the SDF has been running a recruitment drive in Shaitat villages since September, offering $150 a month",
          q=[Q(150, "US dollars a month")]),
        E("meeting", "2022-10-30", [SHA, OIR], ["Al-Hasakah"], "Furat Valley Gazette",
          "the notables will travel to Hasakah on Sunday to meet coalition officers", modality="planned"),
        E("movement", "2022-10-24", [IBM], ["Al-Mayadin", "Euphrates"], "Furat Valley Gazette",
          "residents of al-Mayadin said fighters of the Iran-backed militias crossed the river in boats on the night of the 24th and returned before dawn",
          eq=["boats"]),
        E("attack", "2014", [IS, SHA], [], "Furat Valley Gazette",
          "The Shaitat suffered heavy losses at the hands of the Islamic State in 2014", opt=True),
    ],
})

# ---------------------------------------------------------------- o08
DPO = "United Nations Department of Peace Operations"
LAF = "Lebanese Armed Forces"
LG = "Lebanese government"
docs.append({
    "id": "o08_unsc-briefing-south-lebanon",
    "published": "2025-10-30",
    "publisher": "Council Chamber Notes",
    "title": "Security Council hears 1701 briefing; Israel and Lebanon trade accusations",
    "actors": [
        A("Israel", ["Israel Defense Forces", "Israeli", "Israeli forces", "Israeli soldiers", "Israeli aircraft", "IDF"]),
        a_hez(),
        A("UNIFIL", ["United Nations Interim Force in Lebanon", "UNIFIL patrol", "peacekeepers"]),
        A(LAF, ["the army", "Lebanese army", "LAF"]),
        A(LG, ["Lebanon", "Lebanese", "Lebanese government"]),
        A("United States", ["U.S.", "US", "United States Armed Forces"]),
        A("Ceasefire monitoring mechanism", ["the mechanism", "mechanism", "ceasefire monitoring mechanism"]),
    ],
    "persons": [
        PER("Ingrid Solheim", ["Solheim"], None),
        PER("Avner Kessel", ["Kessel"], "Israel"),
        PER("Rami Khoury-Salem", ["Khoury-Salem"], LG),
    ],
    "sources": [
        S(DPO, ["Department of Peace Operations", "the Secretariat", "Secretariat", "the briefer"], "statement"),
        S("Permanent Mission of Israel to the United Nations", ["Israel's representative"], "statement"),
        S("Permanent Mission of Lebanon to the United Nations", ["Lebanon's representative"], "statement"),
    ],
    "places": [
        P("Blue Line", ["the Blue Line"], "region", "LB", 33.1, 35.4),
        P("Kfar Kila", ["Kafr Kila"], "city", "LB", 33.285, 35.562),
        P("Nabatieh", ["Nabatiyeh", "Nabatieh"], "city", "LB", 33.378, 35.484),
        P("Baalbek", [], "city", "LB", 34.006, 36.218),
        P("Markaba", ["Markaba"], "city", "LB", 33.228, 35.528),
        P("Shebaa", ["Shebaa", "Chebaa"], "city", "LB", 33.352, 35.737),
        P("south of the Litani River", ["south of the Litani", "area south of the Litani", "Litani River"], "region", "LB", 33.25, 35.35),
        P("Naqoura", ["Naqoura", "Naqura"], "city", "LB", 33.118, 35.139),
        P("Tyre", ["Sour", "Sur"], "city", "LB", 33.273, 35.194),
        P("Shama", ["Chamaa", "Shamaa"], "city", "LB", 33.163, 35.196),
        P("Lebanon–Syria border", ["Syrian border", "Lebanese-Syrian border"], "region", "LB", 34.45, 36.45),
        p_lebanon,
    ],
    "events": [
        E("establishment", "2025-10", ["Israel"], ["Kfar Kila", "Blue Line"], DPO,
          "the Israel Defense Forces had erected two new fortified positions north of the Blue Line near Kfar Kila during October",
          q=[Q(2, "fortified positions")]),
        E("agreement", "2024", ["Israel", LG], [], DPO, "the ceasefire arrangement of late 2024", opt=True),
        E("attack", "2025-10-24", ["Israel", "Hezbollah"], ["Nabatieh"], DPO,
          "On the 24th, an Israeli drone strike on a car near Nabatieh killed two men whom Israel described as Hezbollah members",
          q=[Q(2, "killed")], eq=["drone"]),
        E("attack", "2025-10-21", ["Israel", "Hezbollah"], ["Baalbek"], DPO,
          "On 21 October, Israeli aircraft struck sites near Baalbek that Israel said were Hezbollah weapons depots",
          eq=["aircraft"]),
        E("attack", "2025-10-26", ["Israel", "UNIFIL"], ["Markaba"], DPO,
          "Last Sunday, Israeli forces fired warning shots near a UNIFIL patrol close to Markaba"),
        E("arrest", "2025-10-19", ["Israel"], ["Shebaa"], DPO,
          "on the 19th, Israeli soldiers detained a Lebanese shepherd near Shebaa", q=[Q(1, "shepherd")]),
        E("movement", "2025-10", [LAF], ["south of the Litani River"], DPO,
          "the Lebanese Armed Forces deployed about 1,500 additional troops south of the Litani River this month",
          q=[Q(1500, "troops", "about")]),
        E("seizure", "2025-10", [LAF, "Hezbollah"], ["Naqoura"], DPO,
          "took control of three former Hezbollah positions near Naqoura", q=[Q(3, "positions")]),
        E("posture", "2025-10", [LAF], [], DPO,
          "After the Baalbek strikes, she said, the army put its units in the south on alert"),
        E("directive", "2025-10", [LG, LAF], [], DPO,
          "Earlier this month the Lebanese government instructed the army to complete its deployment plan by the end of the year"),
        E("training", "2025-10-15", ["UNIFIL", LAF], ["Tyre"], DPO,
          "UNIFIL and the army also held a joint counter-IED exercise near Tyre on 15 October, involving around 60 soldiers",
          q=[Q(60, "soldiers", "around")]),
        E("meeting", "2025-10-22", ["Ceasefire monitoring mechanism", "Israel", LG, "UNIFIL", "United States"], ["Naqoura"], DPO,
          "The ceasefire monitoring mechanism met in Naqoura on 22 October with Israeli, Lebanese, UNIFIL and U.S. representatives"),
        E("movement", "2025-12", ["UNIFIL"], ["Shama"], DPO,
          "UNIFIL plans to redeploy one battalion to its Sector West headquarters at Shama by December",
          modality="planned", q=[Q(1, "battalion")]),
        E("transfer", "2025-09", ["Hezbollah"], ["Lebanon–Syria border", "Lebanon"], "Permanent Mission of Israel to the United Nations",
          "Hezbollah smuggled some 200 rockets across the Syrian border into Lebanon in September",
          q=[Q(200, "rockets", "some")], eq=["rockets"]),
    ],
})

# ---------------------------------------------------------------- o09
IA = "Iraqi Army"
CTS = "Counter-Terrorism Service"
SMC = "Iraqi Security Media Cell"
docs.append({
    "id": "o09_chronology-isis-kirkuk-diyala",
    "published": "2023-04-03",
    "publisher": "Mesopotamia Security Chronicle",
    "title": "Chronology: Islamic State activity and counter-operations in Kirkuk, Salahuddin and Diyala, January–March 2023",
    "actors": [
        a_is,
        a_isf("Security forces in Kirkuk", "security forces"),
        A(IA, ["Iraqi army", "the army", "army"], ISF),
        A("8th Division", ["Iraqi army's 8th Division", "8th Division"], IA),
        A(CTS, ["Counter-Terrorism Service", "CTS", "Counter-Terrorism Service personnel"], ISF),
        A("Iraqi Air Force", ["Iraqi Air Force F-16s", "IqAF"], ISF),
        a_pmf("Popular Mobilization Forces units"),
        A("Peshmerga", ["Kurdish Peshmerga", "Peshmerga commanders"]),
        a_oir("Coalition advisers", "the coalition"),
        A("Iraqi Ministry of Defence", ["Ministry of Defence", "Iraqi Ministry of Defense"]),
    ],
    "persons": [],
    "sources": [
        S("Rafidain Post", [], "website"),
        S(SMC, ["Security Media Cell", "Security Media Cell statement"], "statement"),
        S("Hamrin Watch", ["Hamrin Watch, Telegram"], "telegram"),
        S("Tigris Evening", [], "newspaper"),
        S("Mesopotamia Security Chronicle", ["the Chronicle"], "website"),
    ],
    "places": [
        P("Kirkuk", [], "city", "IQ", 35.468, 44.392),
        P("Kirkuk Governorate", ["Kirkuk province", "Kirkuk"], "region", "IQ", 35.4, 44.2),
        P("Salahuddin Governorate", ["Salahuddin", "Salah al-Din"], "region", "IQ", 34.6, 43.7),
        P("Diyala Governorate", ["Diyala"], "region", "IQ", 33.9, 45.0),
        P("Wadi al-Shay", ["Wadi al-Shai"], "region", "IQ", 35.2, 44.2),
        P("Hamrin Mountains", ["Hamrin mountains", "Hamrin", "Jebel Hamrin", "Hamrin foothills"], "region", "IQ", 34.6, 44.4),
        P("Mutaibija basin", ["Mutaibija", "Mutaibijah"], "region", "IQ", 34.15, 44.3),
        P("Hawija", ["Hawija district", "Al-Hawija"], "city", "IQ", 35.327, 43.764),
        P("Tuz Khurmatu", ["Tuz Khurmatu district", "Tuz Khormato"], "city", "IQ", 34.888, 44.633),
        P("Khanaqin", [], "city", "IQ", 34.349, 45.392),
        P("Al-Muqdadiyah", ["al-Muqdadiyah", "Muqdadiya"], "city", "IQ", 33.979, 44.936),
        P("K1 Air Base", ["K1 air base", "K-1"], "facility", "IQ", 35.51, 44.29),
    ],
    "events": [
        E("attack", "2023", [IS], ["Wadi al-Shay", "Hamrin Mountains", "Mutaibija basin"], "Mesopotamia Security Chronicle",
          "attacks attributed to the Islamic State in these three provinces stayed low by historical standards, but were concentrated in the same few areas",
          opt=True),
        E("attack", "2023-01-04", [IS, IA], ["Wadi al-Shay"], "Rafidain Post",
          "Islamic State gunmen attacked an Iraqi army checkpoint in Wadi al-Shay, killing two soldiers", q=[Q(2, "soldiers killed")]),
        E("arrest", "2023-01-09", [CTS, IS], ["Hawija"], SMC,
          "The Counter-Terrorism Service arrested five suspected Islamic State members in Hawija", q=[Q(5, "suspects")]),
        E("attack", "2023-01-17", ["Iraqi Air Force", IS], ["Hamrin Mountains"], SMC,
          "Iraqi Air Force F-16s struck Islamic State hideouts in the Hamrin mountains; the statement claimed seven militants were killed",
          q=[Q(7, "militants killed")], eq=["f-16s"]),
        E("movement", "2023-01-25", [PMF], ["Tuz Khurmatu", "Mutaibija basin"], "Hamrin Watch",
          "Popular Mobilization Forces units were redeployed from Tuz Khurmatu to the edge of the Mutaibija basin"),
        E("meeting", "2023-02-02", ["Peshmerga", IA], ["Kirkuk"], "Tigris Evening",
          "Peshmerga and Iraqi army commanders held a coordination meeting in Kirkuk"),
        E("agreement", "2023-02-02", ["Peshmerga", IA], ["Kirkuk"], "Tigris Evening",
          "they agreed to form two joint brigades to cover the gap between their lines", q=[Q(2, "joint brigades")]),
        E("attack", "2023-02-08", [PMF], ["Khanaqin"], "Rafidain Post",
          "A roadside bomb struck a Popular Mobilization Forces vehicle near Khanaqin, wounding three fighters",
          q=[Q(3, "fighters wounded")], eq=["roadside bomb"]),
        E("arrest", "2023-02-14", [IS], ["Al-Muqdadiyah"], "Tigris Evening",
          "Islamic State militants kidnapped four farmers from a village near al-Muqdadiyah", q=[Q(4, "farmers")]),
        E("movement", "2023-02-17", [IS], ["Hamrin Mountains", "Tuz Khurmatu"], "Hamrin Watch",
          "Unconfirmed: Islamic State fighters moved from the Hamrin mountains towards the hills north of Tuz Khurmatu"),
        E("posture", "2023-02-21", [ISF], ["Kirkuk"], "Rafidain Post",
          "Security forces in Kirkuk were placed on high alert after an intelligence warning of a planned attack on the city"),
        E("directive", "2023-02-27", ["Iraqi Ministry of Defence"], ["Hawija"], SMC,
          "The Ministry of Defence banned motorcycle traffic in Hawija district between sunset and sunrise"),
        E("seizure", "2023-03-05", [IS, IA], ["Mutaibija basin"], "Hamrin Watch",
          "Islamic State fighters briefly overran an army outpost in the Mutaibija basin", q=[Q(1, "army outpost")]),
        E("seizure", "2023-03-06", [IA, IS], ["Mutaibija basin"], "Hamrin Watch",
          "The army retook the outpost the following morning", q=[Q(1, "outpost")]),
        E("training", "2023-03-12", [OIR, CTS], ["K1 Air Base"], "Rafidain Post",
          "Coalition advisers completed a three-week course for 120 Counter-Terrorism Service personnel at K1 air base",
          q=[Q(120, "personnel")]),
        E("recruitment", "2023-03-19", [PMF], ["Tuz Khurmatu"], "Tigris Evening",
          "The Popular Mobilization Forces announced a drive to enlist 500 local Turkmen volunteers in Tuz Khurmatu district",
          q=[Q(500, "volunteers")]),
        E("transfer", "2023-03-26", [OIR, "8th Division", IA], ["Kirkuk"], "Rafidain Post",
          "The coalition handed over six mine-resistant vehicles to the Iraqi army's 8th Division in Kirkuk",
          q=[Q(6, "mine-resistant vehicles")], eq=["mine-resistant vehicles"]),
        E("establishment", "2023-03-30", [IA], ["Wadi al-Shay"], SMC,
          "The army set up a new base with three observation towers in Wadi al-Shay", q=[Q(3, "observation towers")]),
        E("attack", "2023-04", [IA, PMF, "Peshmerga", IS], ["Hamrin Mountains"], "Tigris Evening",
          "a large clearance operation in the Hamrin mountains is expected to start after Eid al-Fitr in late April, involving the army, the Popular Mobilization Forces and the Peshmerga",
          modality="planned"),
    ],
})

# ---------------------------------------------------------------- o10
IG = "Iraqi government"
TC = "The Tigris Courier"
docs.append({
    "id": "o10_obituary-kataib-hezbollah-commander",
    "published": "2026-05-12",
    "publisher": TC,
    "title": "Obituary: Haidar al-Kaabi, Kata'ib Hezbollah's border commander, buried in Najaf",
    "actors": [
        a_kh,
        a_us("American troops", "American", "Washington"),
        A(IG, ["prime minister's office", "the government", "Iraqi government"]),
        a_pmf("Popular Mobilization Forces reinforcements"),
        a_isf("Iraqi security forces"),
        a_qf("senior Quds Force officer"),
        a_ibm("armed factions"),
        a_is,
    ],
    "persons": [
        PER("Haidar Jassim al-Kaabi", ["Haidar al-Kaabi", "Abu Zahraa", "al-Kaabi", "Al-Kaabi"], KH),
    ],
    "sources": [
        S(TC, ["Tigris Courier"], "newspaper"),
        S(KH, ["Kata'ib Hezbollah statement"], "statement"),
        S(PMF, ["PMF spokesman", "PMF"], "statement"),
        S(SMC, ["Security Media Cell"], "statement"),
        S("United States Department of Defense", ["Pentagon", "Department of Defense"], "statement"),
    ],
    "places": [
        P("Najaf", [], "city", "IQ", 31.996, 44.314),
        P("Wadi al-Salam cemetery", ["Wadi al-Salam", "Wadi-us-Salaam"], "facility", "IQ", 32.01, 44.31),
        p_baghdad,
        p_qaim("al-Qaim border area"),
        P("Akashat", ["Ukashat"], "city", "IQ", 33.8, 40.6),
        p_anbar("western Anbar"),
        P("Victory Base Complex", ["Victory Base complex", "Victory Base", "Camp Victory"], "facility", "IQ", 33.29, 44.25),
        P("Baghdad International Airport", ["Baghdad airport"], "facility", "IQ", 33.262, 44.234),
        p_erbil, p_jurf,
        P("Sadr City", [], "district", "IQ", 33.39, 44.46),
        p_basra,
        P("Camp Bucca", ["Bucca"], "facility", "IQ", 30.1, 47.7),
        p_abukamal, p_syria,
        P("Karbala", ["Kerbala"], "city", "IQ", 32.616, 44.024),
    ],
    "events": [
        E("attack", "2026-05-09", [USAF, KH], ["Al-Qa'im", "Akashat", "Anbar Governorate"], TC,
          "Al-Kaabi was killed late on Saturday when a drone struck his vehicle on the road between al-Qaim and Akashat in western Anbar, together with two companions. Kata'ib Hezbollah blamed the United States",
          q=[Q(2, "companions killed")], eq=["drone"], persons=["Haidar Jassim al-Kaabi"]),
        E("posture", "2026-05-10", [KH], [], KH,
          "Kata'ib Hezbollah declared a state of \"maximum readiness\" among its units"),
        E("directive", "2026-05-10", [KH], ["Anbar Governorate"], KH,
          "instructed its members in Anbar to stop using mobile phones", eq=["mobile phones"]),
        E("attack", "2026-05-10", [KH], [], KH, "It also vowed to avenge him", modality="planned", opt=True),
        E("directive", "2026-05-10", [IG], [], TC,
          "The prime minister's office ordered a committee to investigate the strike on Sunday"),
        E("movement", "2026-05-10", [PMF], ["Al-Qa'im"], PMF,
          "Popular Mobilization Forces reinforcements were sent to the al-Qaim border area the same day"),
        E("arrest", "2026-05-11", [ISF], ["Al-Qa'im"], TC,
          "On Monday, Iraqi security forces detained two men in al-Qaim", q=[Q(2, "men")]),
        E("attack", "2026-05-11", [], ["Victory Base Complex", "Baghdad International Airport"], SMC,
          "Hours after the burial, two rockets were fired toward the Victory Base complex near Baghdad airport",
          q=[Q(2, "rockets")], eq=["rockets"]),
        E("movement", "2026-05-12", [USAF], ["Erbil"], "United States Department of Defense",
          "the Pentagon announced the deployment of an additional counter-rocket system to Erbil",
          q=[Q(1, "counter-rocket system")], eq=["counter-rocket system"]),
        E("meeting", "2026-05-11", [KH, QF], ["Baghdad"], TC,
          "Kata'ib Hezbollah's leadership met a senior Quds Force officer in Baghdad on Monday evening"),
        E("movement", "2026-05", [KH], ["Jurf al-Sakhar"], TC,
          "Residents of Jurf al-Sakhar say senior figures have left the group's headquarters there for undisclosed locations since the weekend"),
        E("recruitment", "2026-05", [KH], ["Sadr City"], TC,
          "in Sadr City the mourning tents are reportedly doubling as places to sign up new volunteers"),
        E("arrest", "2008", [USAF], ["Camp Bucca"], TC,
          "was detained by American troops in 2008, spending two years at Camp Bucca",
          persons=["Haidar Jassim al-Kaabi"], opt=True),
        E("establishment", "2018", [KH], [], TC,
          "setting up the group's first weapons depots on the Syrian side of the border in 2018", opt=True),
        E("attack", "2021", [KH], ["Abu Kamal"], TC,
          "He survived an air strike on Kata'ib Hezbollah positions near Abu Kamal in 2021 that killed four of his men",
          q=[Q(4, "killed")], opt=True),
        E("transfer", None, [KH], ["Syria"], TC, "his role in moving drones into Syria", eq=["drones"], opt=True),
        E("agreement", "2026-02", [IBM, IG], [], TC,
          "the armed factions agreed with the government in February on a pause in attacks on foreign forces", opt=True),
    ],
})

GUIDELINES = (
    "Gold events follow shared/eval/FORMAT.md. One event per distinct happening the report claims; a restatement of the "
    "same happening (headline, summary line) and background claims (earlier events, general trends, goals only discussed, "
    "threats) are optional. Planned events (intended, ordered, expected, agreed to happen) carry modality 'planned'; "
    "denied or cancelled happenings are not events. Dates: the event's own date, relative expressions resolved against "
    "the publication date (or the dated entry/statement that carries them); else the month the text allows; else null. "
    "Source: the named outlet, channel, agency or statement a claim is attributed to; the publisher itself for its own "
    "reporting (its narrative, its imagery, unnamed residents or officials speaking to it); null where the attribution is "
    "left vague (e.g. 'a military source quoted by Syrian state media', 'according to both sides'). Places: every place "
    "the text names as a noun (datelines included; 'Damascus', 'Washington', 'Ankara', 'Moscow' for governments are "
    "metonyms, not places; adjectives like 'Iraqi airspace' are not places); coordinates from public gazetteer knowledge, "
    "approximate for facilities. All reports are fictional and were written for this set.")

gold = {"corpus": "heldout", "guidelines": GUIDELINES, "documents": docs}


def check():
    problems = []
    types = {"movement", "transfer", "meeting", "training", "recruitment", "directive", "posture", "attack", "seizure",
             "agreement", "establishment", "arrest"}
    for d in docs:
        txt_path = HERE / f"{d['id']}.txt"
        text = txt_path.read_text(encoding="utf-8")
        if not text.rstrip().endswith(DISCLAIMER):
            problems.append(f"{d['id']}: disclaimer")
        an = {a["name"] for a in d["actors"]}
        pn = {p["name"] for p in d["places"]}
        sn = {s["name"] for s in d["sources"]}
        per = {p["name"] for p in d["persons"]}
        for a in d["actors"]:
            if a["parent"] and a["parent"] not in an:
                problems.append(f"{d['id']}: parent {a['parent']}")
        for p in d["persons"]:
            if p["affiliation"] and p["affiliation"] not in an:
                problems.append(f"{d['id']}: affiliation {p['affiliation']}")
        for p in d["places"]:
            assert p["kind"] in ("country", "region", "city", "district", "facility"), p
            assert re.fullmatch(r"[A-Z]{2}", p["country"]), p
        for i, e in enumerate(d["events"]):
            tag = f"{d['id']} ev{i} {e['type']}"
            if e["type"] not in types:
                problems.append(f"{tag}: type")
            if e["modality"] not in ("occurred", "planned"):
                problems.append(f"{tag}: modality")
            if e["date"] is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]):
                problems.append(f"{tag}: date")
            if e["date"] and e["date"][:10] > d["published"] and e["modality"] == "occurred":
                problems.append(f"{tag}: occurred after publication")
            for x in e["actors"]:
                if x not in an:
                    problems.append(f"{tag}: actor {x}")
            for x in e["places"]:
                if x not in pn:
                    problems.append(f"{tag}: place {x}")
            for x in e["persons"]:
                if x not in per:
                    problems.append(f"{tag}: person {x}")
            if e["source"] is not None and e["source"] not in sn:
                problems.append(f"{tag}: source {e['source']}")
            if not e["actors"] and not e["places"]:
                problems.append(f"{tag}: neither actor nor place")
            for part in e["evidence"].split(" ... "):
                if part not in text:
                    problems.append(f"{tag}: evidence not in text: {part[:80]}")
        # every place / actor alias should be findable in the text, at least via its name or one alias
        low = text.lower()
        for kind in ("actors", "places", "persons", "sources"):
            for it in d[kind]:
                names = [it["name"], *it["aliases"]]
                if not any(n.lower() in low for n in names):
                    problems.append(f"{d['id']}: {kind[:-1]} {it['name']} not mentioned")
    return problems


if __name__ == "__main__":
    probs = check()
    for p in probs:
        print("PROBLEM", p)
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(d["events"]) for d in docs)
    r = sum(1 for d in docs for e in d["events"] if not e["optional"])
    print(f"documents {len(docs)}, events {n}, required {r}, problems {len(probs)}")
