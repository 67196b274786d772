"""The fixed vocabulary the simulated world is drawn from.

Customers, places, equipment and the kind of text dispatchers type. Nothing
here is random; ``world`` picks from these tables with a seeded generator.
"""

# (customer as the work list shows it, short brand for the location heading,
# whether its sites carry a store number)
CUSTOMERS = [
    ("7-Eleven Stores, Inc", "7-Eleven", True),
    ("Wawa, Inc.", "Wawa", True),
    ("Circle K Stores Inc.", "Circle K", True),
    ("Speedway LLC", "Speedway", True),
    ("Shell Oil Products US", "Shell", True),
    ("Murphy USA Inc.", "Murphy USA", True),
    ("RaceTrac Petroleum, Inc.", "RaceTrac", True),
    ("QuikTrip Corporation", "QuikTrip", True),
    ("Sheetz, Inc.", "Sheetz", True),
    ("Casey's General Stores", "Casey's", True),
    ("Love's Travel Stops & Country Stores", "Love's", True),
    ("Kum & Go, L.C.", "Kum & Go", True),
    ("Cumberland Farms", "Cumberland Farms", True),
    ("Thorntons LLC", "Thorntons", True),
    ("Pilot Travel Centers", "Pilot", True),
    ("Joe's Gas & Go", "Joe's Gas & Go", False),
    ("Estación La Güera", "La Güera", False),
]

# (city, state, county or None, first three digits of the ZIP)
PLACES = [
    ("Tampa", "FL", "Hillsborough County", "336"),
    ("Orlando", "FL", "Orange County", "328"),
    ("Jacksonville", "FL", "Duval County", "322"),
    ("Ocala", "FL", "Marion County", "344"),
    ("Atlanta", "GA", "Fulton County", "303"),
    ("Marietta", "GA", "Cobb County", "300"),
    ("Savannah", "GA", "Chatham County", "314"),
    ("Charlotte", "NC", "Mecklenburg County", "282"),
    ("Raleigh", "NC", "Wake County", "276"),
    ("Richmond", "VA", None, "232"),
    ("Virginia Beach", "VA", None, "234"),
    ("Philadelphia", "PA", "Philadelphia County", "191"),
    ("Altoona", "PA", "Blair County", "166"),
    ("Cherry Hill", "NJ", "Camden County", "080"),
    ("Dover", "DE", "Kent County", "199"),
    ("Baltimore", "MD", None, "212"),
    ("Columbus", "OH", "Franklin County", "432"),
    ("Dayton", "OH", "Montgomery County", "454"),
    ("Louisville", "KY", "Jefferson County", "402"),
    ("Nashville", "TN", "Davidson County", "372"),
    ("Memphis", "TN", "Shelby County", "381"),
    ("Birmingham", "AL", "Jefferson County", "352"),
    ("Baton Rouge", "LA", "East Baton Rouge Parish", "708"),
    ("Lafayette", "LA", "Lafayette Parish", "705"),
    ("Houston", "TX", "Harris County", "770"),
    ("Dallas", "TX", "Dallas County", "752"),
    ("San Antonio", "TX", "Bexar County", "782"),
    ("El Dorado", "AR", "Union County", "717"),
    ("Tulsa", "OK", "Tulsa County", "741"),
    ("Des Moines", "IA", "Polk County", "503"),
    ("Omaha", "NE", "Douglas County", "681"),
    ("Indianapolis", "IN", "Marion County", "462"),
    ("Springfield", "IL", "Sangamon County", "627"),
    ("Albany", "NY", "Albany County", "122"),
    ("Hartford", "CT", "Hartford County", "061"),
    ("Worcester", "MA", "Worcester County", "016"),
    ("Phoenix", "AZ", "Maricopa County", "850"),
    ("Denver", "CO", None, "802"),
]

STREETS = [
    "N Dale Mabry Hwy",
    "W Broad St",
    "E Colonial Dr",
    "Main St",
    "US Hwy 19",
    "State Route 9",
    "Peachtree Industrial Blvd",
    "Lincoln Hwy",
    "Ocean Blvd",
    "Old Spanish Trl",
    "Market St",
    "Martin Luther King Jr Blvd",
    "Airport Rd",
    "Interstate Dr",
    "S Congress Ave",
    "County Road 42",
    "Route 73",
    "W Michigan St",
]

TECHNICIANS = [
    "Dana Reyes",
    "Sam Whitaker",
    "Priya Natarajan",
    "Luis Peña",
    "Jordan O'Neal",
    "Mei-Ling Zhou",
]

DISPATCHERS = [
    "Dana Reyes",
    "Marcus Oyelaran",
    "Renée Dubois",
    "Tom Kowalski",
    "Ana Lucía Ortiz",
    "Beth McAllister",
]

STATUSES_WITH_VISIT = ["Scheduled", "Scheduled", "Scheduled", "In Progress", "On Hold"]
STATUSES_WITHOUT_VISIT = ["Open", "Open", "On Hold"]

# (code, name); the all-dispenser services take the site's dispenser count as
# their quantity.
ALL_DISPENSER_SERVICES = [("2861", "All Dispensers"), ("3002", "All Dispensers")]
OTHER_SERVICES = [
    ("2862", "Specific Dispensers"),
    ("3146", "Open Neck Prover"),
    ("4105", "Meter Calibration"),
    ("2990", "Site Inspection"),
    ("5120", "Nozzle & Hose Replacement"),
]

VISIT_TIMES = ["07:00", "08:00", "08:30", "09:00", "10:15", "12:00", "13:30", "15:45"]

# The site's own grade catalogue. Codes missing here still occur on
# dispensers (UNKNOWN_GRADES) and are shown as the bare code.
GRADE_NAMES = {
    "0126": "Regular",
    "0127": "Regular",
    "0135": "Plus",
    "0136": "Premium",
    "0128": "Super",
    "0129": "Premium",
    "0118": "Diesel",
    "0119": "Diesel",
    "0120": "Diesel",
    "0140": "Ethanol-Free Gasoline Plus",
    "0141": "E85",
    "0142": "E15",
    "0150": "DEF",
}
GRADE_SETS = [
    ["0126", "0135", "0136"],
    ["0126", "0135", "0118"],
    ["0127", "0129"],
    ["0126", "0128", "0129", "0119"],
    ["0126", "0135", "0136", "0140"],
    ["0126", "0141", "0142"],
    ["0118", "0150"],
    ["0120"],
]
UNKNOWN_GRADES = ["0199", "0160", "0210"]

MAKES = {
    "Gilbarco": ("GB", ["Encore 700 S", "Encore 500", "Advantage", "SK700"]),
    "Wayne": ("WN", ["Ovation 2", "Helix 6000", "Vista 3"]),
    "Tokheim": ("TK", ["Quantium 510", "Premier B"]),
    "Bennett": ("BN", ["Pacific 3000", "515D"]),
}
METER_TYPES = ["HD Meter", "Electronic", "Mechanical", "Ecometer", "Pulser"]

# Custom fields beyond the four the sync knows, with a few values each.
EXTRA_FIELDS = {
    "INSTALL YEAR": ["2009", "2014", "2017", "2021"],
    "CARD READER": ["FlexPay IV", "Anthem UX", "None"],
    "BLENDER": ["Yes", "No"],
    "HOSE LENGTH": ["9 ft", "11 ft"],
}

# Equipment groups other than dispensers: (group, [row titles]).
OTHER_EQUIPMENT = [
    (
        "Tank Monitor",
        ["Veeder-Root TLS-450 Plus", "Veeder-Root TLS-350", "Franklin EVO 550"],
    ),
    ("Console", ["Gilbarco Passport", "Verifone Commander"]),
    ("Car Wash", ["PDQ LaserWash 360", "Ryko SoftGloss"]),
    ("Air Machine", ["AirServ AS15"]),
    ("Price Sign", ["Daktronics Fuelight"]),
    ("Submersible Pump", ["Red Jacket 1.5 HP", "FE Petro STP"]),
]

# Pieces of instructions. Several are awkward on purpose: quotes, ampersands,
# angle brackets, accents, emoji, and line breaks.
INSTRUCTIONS = [
    "Calibrate all dispensers. Call the manager on arrival.",
    'Manager "Big Mike" wants a call 30 min before arrival.',
    "Check 3/4 & 5/6 first; customer reports < 5 gal short fills.",
    "Meter on 7 reads > 2% over. Bring the 5-gal prover.",
    "Gate code 4471#. Park behind the car wash 🚗",
    "Café in front: don't block the drive-thru ☕",
    "Señora Núñez signs the work ticket, not the clerk.",
    "Use the <b>side</b> entrance; the front is under construction.",
    "Seal numbers must go on the ticket & in the photos 📸",
    "Tanks were filled Monday, so expect \u201cwet\u201d readings.",
    "Ask for Zoë at the register.",
    "Do NOT power-cycle pump 1 – it runs the loyalty kiosk.",
]
