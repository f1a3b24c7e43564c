package dict

// Modalities of an event verb that CAMEO codes as events of their own:
// "plans to visit" is an intent (03), "urged X to visit" an appeal (02),
// "refused to visit" a rejection (12), "threatened to attack" a threat
// (13). The built-in dictionaries generate one modal pattern of each kind
// per anchor (Pattern.Modal); the coder then codes the verb phrase with
// its most specific pattern and turns that code into the modal code with
// ModalCode, so "wants to supply arms" is 0332, not 033.
const (
	ModalIntent = "intent"
	ModalAppeal = "appeal"
	ModalRefuse = "refuse"
	ModalThreat = "threat"
)

// modalCodes maps an event code prefix to its modal code, per modality;
// the longest matching prefix wins. The tables follow the CAMEO event
// codebook, whose 02, 03 and 12 sub-codes mirror the cooperative roots
// 04–08 (e.g. 072 "provide military aid" → 0332 "express intent to
// provide military aid", 0232 appeal, 1222 rejection) and whose 13
// sub-codes mirror the coercive roots 16–20.
var modalCodes = map[string]map[string]string{
	ModalIntent: {
		"03": "030", "04": "036", "045": "039", "05": "032",
		"06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
		"07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
		"08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
		"0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
	},
	ModalAppeal: {
		"03": "020", "04": "026", "045": "028", "05": "022",
		"06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
		"07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
		"08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241", "0832": "0242", "0833": "0243",
		"0834": "0244", "084": "0253", "085": "0254", "086": "0255", "087": "0256",
	},
	ModalRefuse: {
		"03": "120", "04": "125", "045": "126", "05": "120",
		"06": "121", "061": "1211", "062": "1212",
		"07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
		"08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233",
		"0834": "1234", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
	},
	ModalThreat: {
		"14": "133", "15": "138",
		"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
		"17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
		"18": "138", "19": "138", "190": "1384", "191": "1381", "192": "1382", "193": "1384", "194": "1384",
		"195": "1384", "20": "1383", "204": "1385",
	},
}

// ModalCode returns the code of the modality kind applied to an event
// code ("" when CAMEO has none, e.g. an appeal to attack). An intent to
// coerce or use force (roots 14–20) is a threat.
func ModalCode(kind, code string) string {
	if kind == ModalIntent && code >= "14" && code < "21" {
		kind = ModalThreat
	}
	m := modalCodes[kind]
	for n := len(code); n >= 2; n-- {
		if c, ok := m[code[:n]]; ok {
			return c
		}
	}
	return ""
}

// modalFirst moves the modal patterns of an anchor before the others
// (keeping each group's order): the coder looks for a modality first and
// then for the anchor's most specific pattern.
func modalFirst(ps []Pattern) {
	var modal, rest []Pattern
	for _, p := range ps {
		if p.Modal != "" {
			modal = append(modal, p)
		} else {
			rest = append(rest, p)
		}
	}
	copy(ps, append(modal, rest...))
}
