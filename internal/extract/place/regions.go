package place

// region builds a named-area entry from its bounding box (minLon, minLat,
// maxLon, maxLat); its point is the box centre.
func region(name string, minLon, minLat, maxLon, maxLat float64, alts ...string) Entry {
	b := [4]float64{minLon, minLat, maxLon, maxLat}
	return Entry{Kind: KindRegion, Name: name, Lat: (minLat + maxLat) / 2, Lon: (minLon + maxLon) / 2,
		Pop: 1 << 30, BBox: &b, Alts: alts}
}

// regions are named areas that analysts use but no country owns. Boxes are
// coarse, written by the project from the usual extent of each term.
var regions = []Entry{
	region("Indo-Pacific", 30, -50, -120+360, 45, "Indo Pacific"),
	region("Asia-Pacific", 60, -50, -110+360, 60, "Asia Pacific", "APAC"),
	region("Europe", -25, 34, 45, 72),
	region("Euro-Atlantic", -130, 25, 45, 80, "Euro-Atlantic area", "transatlantic area"),
	region("Middle East", 25, 12, 63, 42, "Mideast"),
	region("Baltic", 9, 53, 31, 66, "Baltic Sea", "Baltic region", "Baltics", "Baltic states"),
	region("South China Sea", 105, 0, 122, 23),
	region("East China Sea", 119, 24, 131, 33),
	region("Korean Peninsula", 124, 33, 131, 43),
	region("Taiwan Strait", 117.5, 22, 121, 26, "Taiwan Straits"),
	region("Black Sea", 27.4, 40.9, 41.8, 46.7),
	region("Mediterranean", -6, 30, 36.5, 46, "Mediterranean Sea"),
	region("Arctic", -180, 66.5, 180, 90, "High North"),
	region("Sahel", -17.5, 10, 39, 20),
	region("Horn of Africa", 38, -2, 52, 18),
	region("Red Sea", 32, 12.5, 44, 30),
	region("Persian Gulf", 47.5, 23.5, 57, 30.5, "the Gulf", "Arabian Gulf"),
	region("Strait of Hormuz", 55.5, 25.5, 57.5, 27),
	region("Balkans", 13, 39, 30, 47, "Western Balkans"),
	region("Caucasus", 37, 38, 51, 45, "South Caucasus"),
	region("Central Asia", 46, 35, 88, 56),
	region("Southeast Asia", 92, -11, 141, 28.5, "South-East Asia", "South East Asia"),
	region("East Asia", 100, 18, 146, 54),
	region("South Asia", 60, 5, 97.5, 37.5),
	region("Pacific Islands", 130, -30, 230, 20, "Pacific island countries"),
	region("Western Pacific", 120, -20, 180, 40),
	region("Indian Ocean", 20, -60, 120, 30),
	region("Pacific Ocean", 120, -60, 290, 60, "the Pacific"),
	region("Atlantic Ocean", -80, -60, 20, 70, "the Atlantic"),
	region("North Atlantic", -80, 30, 0, 70),
	region("Scandinavia", 4, 54.5, 31.5, 71.5, "Nordic countries", "Nordics"),
	region("Eastern Europe", 14, 41, 60, 60),
	region("Western Europe", -10, 36, 16, 60),
	region("Latin America", -118, -56, -34, 33),
	region("Sub-Saharan Africa", -18, -35, 52, 18),
	region("North Africa", -17, 19, 37, 38, "Maghreb"),
	region("Africa", -18, -35, 52, 38),
	region("Asia", 25, -11, 180, 78),
	region("Oceania", 110, -50, 240, 0),
	region("North America", -170, 7, -50, 84),
	region("South America", -82, -56, -34, 13),
	region("Gulf of Aden", 43, 10.5, 51.5, 15),
	region("Sea of Japan", 127, 33, 142, 52, "East Sea"),
	region("Yellow Sea", 117.5, 33, 126.5, 41),
	region("Philippine Sea", 120, 5, 145, 35),
	region("Strait of Malacca", 95, 1, 104, 8, "Malacca Strait"),
	region("Donbas", 36.5, 46.8, 40.2, 50.1, "Donbass"),
	region("Gaza Strip", 34.2, 31.2, 34.6, 31.6, "Gaza"),
	region("West Bank", 34.9, 31.3, 35.6, 32.6),
	region("Kashmir", 73, 32.3, 80.5, 37),
}
