package liaison

// Marking is the classification and releasability carried by every stored
// item. Parsing, printing and the visibility rule live in internal/marking;
// this is only the value stored with each item.
type Marking struct {
	// Classification is the policy's name for the level, e.g. "NATO RESTRICTED".
	Classification string `json:"classification"`
	// Level is the classification's rank in the policy (0 = lowest). Stored so
	// that queries can compare levels without the policy file.
	Level int `json:"level"`
	// RelTo lists the nations (ISO 3166 alpha-3) the item is releasable to,
	// with groups already expanded at marking time. Empty means releasable to
	// every nation (only sensible for the lowest, public level).
	RelTo []string `json:"rel_to,omitempty"`
	// Groups records the REL TO entries as written — group names (e.g. "NATO")
	// and nation codes named on their own, in canonical order — so the
	// canonical text can be printed back as the author wrote it
	// ("REL TO NATO, JPN, KOR") while RelTo holds the expansion.
	Groups []string `json:"groups,omitempty"`
	// Caveats must all be held by a reader.
	Caveats []string `json:"caveats,omitempty"`
}

// Origin records where an item was created, so federated nodes keep the
// originator across hops.
type Origin struct {
	Node   string `json:"node"`
	Nation string `json:"nation"`
}
