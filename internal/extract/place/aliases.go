package place

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
	"BIH": {"Bosnia", "Bosnia-Herzegovina", "Bosnia Herzegovina"},
	"SUR": {"Surinam"},
	"KAZ": {"Kazakstan"},
	"BLR": {"Byelorussia", "Belorussia"},
	"FRO": {"Faroes", "Faeroes", "Faeroe Islands"},
	"KGZ": {"Kirghizia", "Kirgizstan"},
	// the Federal Republic of Yugoslavia (1992-2006), continued by Serbia
	"SRB": {"Yugoslavia", "Federal Republic of Yugoslavia", "FR Yugoslavia"},
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
