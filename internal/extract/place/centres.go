package place

// centres overrides the derived point of some areas with the conventional
// reference point used by encyclopaedias and news geoparsers (the centre of
// the area rather than the mean of its towns or a rounded centroid).
// Keys are "ISO3" for countries and "ISO3|Name" for admin-1 areas.
var centres = map[string][2]float64{
	"USA": {40, -100}, "CHN": {35, 103}, "AUS": {-25, 133}, "RUS": {60, 90}, "JPN": {35, 136},
	"LBY": {27, 17}, "SDN": {15, 32}, "MMR": {22, 96}, "BRA": {-10, -52}, "NGA": {8, 10},
	"CAN": {60, -95}, "IND": {21, 78}, "IDN": {-5, 120}, "MEX": {23, -102}, "ARG": {-34, -64},
	"KAZ": {48, 68}, "DZA": {28, 2}, "COD": {-3, 23}, "SAU": {24, 45}, "IRN": {32, 53},

	"USA|California": {37, -120}, "USA|Texas": {31, -100}, "USA|New York": {43, -75},
	"USA|Georgia": {33, -83.5}, "USA|Alaska": {64, -150}, "USA|Hawaii": {20.8, -156.3},
	"USA|Washington": {47.5, -120.5}, "USA|Oregon": {44, -120.5}, "USA|Nevada": {39, -117},
	"USA|Arizona": {34.3, -111.7}, "USA|Utah": {39.5, -111.5}, "USA|Colorado": {39, -105.5},
	"USA|Montana": {47, -110}, "USA|Wyoming": {43, -107.5}, "USA|Idaho": {45, -114},
	"USA|New Mexico": {34.5, -106}, "USA|North Dakota": {47.5, -100.5}, "USA|South Dakota": {44.5, -100},
	"USA|Nebraska": {41.5, -100}, "USA|Kansas": {38.5, -98}, "USA|Oklahoma": {35.5, -98},
	"USA|Minnesota": {46, -94}, "USA|Iowa": {42, -93.5}, "USA|Missouri": {38.5, -92.5},
	"USA|Michigan": {44, -85}, "USA|Illinois": {40, -89}, "USA|Florida": {28, -81.5},
	"USA|Louisiana": {31, -92}, "USA|Maine": {45.5, -69.2}, "USA|Wisconsin": {44.5, -89.5},
	"USA|Pennsylvania": {41, -77.5}, "USA|Virginia": {37.5, -78.5}, "USA|North Carolina": {35.5, -80},

	"GBR|England": {53, -1}, "GBR|Scotland": {57, -4}, "GBR|Wales": {52.3, -3.6},
	"CAN|Ontario": {50, -85}, "CAN|Quebec": {52, -72}, "CAN|Alberta": {55, -115},
	"CAN|British Columbia": {54, -125}, "CAN|Manitoba": {55, -97}, "CAN|Saskatchewan": {55, -106},
	"AUS|Queensland": {-23, 143}, "AUS|New South Wales": {-32, 147}, "AUS|Victoria": {-37, 144},
	"AUS|Western Australia": {-26, 121}, "AUS|South Australia": {-30, 135},
	"AUS|Northern Territory": {-20, 133}, "AUS|Tasmania": {-42, 147},
}

// regionPoints are the conventional reference points of continents and
// large regions, where the centre of the bounding box misleads.
var regionPoints = map[string][2]float64{
	"Africa": {7.19, 21.09}, "Asia": {29.84, 89.29}, "Europe": {51, 17.5}, "North America": {54.77, -105.64},
	"South America": {-14.6, -57.65}, "Middle East": {29, 41}, "Latin America": {-14.6, -57.65},
	"Americas": {19, -96},
}

// countryAliases are everyday names missing from the derived table.
var countryAliases = map[string][]string{
	"USA": {"US", "U.S.", "U.S.A.", "USA", "America", "United States", "the States"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain"},
	"TUR": {"Turkey"},
	"COD": {"DRC", "D.R.C.", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"},
	"COG": {"Congo-Brazzaville", "Republic of the Congo"},
	"KOR": {"Republic of Korea", "ROK", "S. Korea"},
	"PRK": {"DPRK", "Democratic People's Republic of Korea", "N. Korea"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"CZE": {"Czech Republic"},
	"MMR": {"Burma"},
	"CIV": {"Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"},
	"SWZ": {"Swaziland"},
	"MKD": {"Macedonia"},
	"NLD": {"Holland", "the Netherlands"},
	"VAT": {"Holy See"},
	"TLS": {"East Timor"},
	"CPV": {"Cape Verde"},
	"PSE": {"Palestinian territories", "Palestinian Territories", "Occupied Palestinian Territories"},
	"RUS": {"Russian Federation"},
	"CHN": {"PRC", "Mainland China", "mainland China"},
	"TWN": {"Republic of China", "ROC"},
}

// adminAliases are common abbreviations of admin-1 areas (AP style for
// US states, as in datelines: "Gainesville, Ga.").
var adminAliases = map[string][]string{
	"AUS|New South Wales": {"NSW"}, "AUS|Queensland": {"QLD"},
	"USA|Washington": {"Washington State", "Wash."},
	"USA|Alabama":    {"Ala."}, "USA|Arizona": {"Ariz."}, "USA|Arkansas": {"Ark."}, "USA|California": {"Calif."},
	"USA|Colorado": {"Colo."}, "USA|Connecticut": {"Conn."}, "USA|Delaware": {"Del."}, "USA|Florida": {"Fla."},
	"USA|Georgia": {"Ga."}, "USA|Illinois": {"Ill."}, "USA|Indiana": {"Ind."}, "USA|Kansas": {"Kan.", "Kans."},
	"USA|Kentucky": {"Ky."}, "USA|Louisiana": {"La."}, "USA|Maryland": {"Md."}, "USA|Massachusetts": {"Mass."},
	"USA|Michigan": {"Mich."}, "USA|Minnesota": {"Minn."}, "USA|Mississippi": {"Miss."}, "USA|Missouri": {"Mo."},
	"USA|Montana": {"Mont."}, "USA|Nebraska": {"Neb.", "Nebr."}, "USA|Nevada": {"Nev."}, "USA|New Hampshire": {"N.H."},
	"USA|New Jersey": {"N.J."}, "USA|New Mexico": {"N.M."}, "USA|New York": {"N.Y."}, "USA|North Carolina": {"N.C."},
	"USA|North Dakota": {"N.D."}, "USA|Oklahoma": {"Okla."}, "USA|Oregon": {"Ore.", "Oreg."}, "USA|Pennsylvania": {"Pa.", "Penn."},
	"USA|Rhode Island": {"R.I."}, "USA|South Carolina": {"S.C."}, "USA|South Dakota": {"S.D."}, "USA|Tennessee": {"Tenn."},
	"USA|Texas": {"Tex."}, "USA|Vermont": {"Vt."}, "USA|Virginia": {"Va."}, "USA|West Virginia": {"W.Va.", "W. Va."},
	"USA|Wisconsin": {"Wis.", "Wisc."}, "USA|Wyoming": {"Wyo."},
}
