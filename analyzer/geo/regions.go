package geo

import "strings"

// ER is one of Statistics Canada's 76 economic regions (SGC 2021).
type ER struct {
	Code     string // four digits, e.g. "1010"; the first two are the province SGC
	Name     string // official English name, e.g. "Avalon Peninsula"
	Province string // two-letter province code
	// AltNames are other names published for the same region, such as the
	// shorter ones in ESDC wage tables ("Lower Mainland").
	AltNames []string
	// Divisions are the SGC codes of the census divisions the region is made
	// of: economic regions are unions of whole census divisions.
	Divisions []string
}

// economicRegions lists every region with its census divisions (SGC 2021).
// Brome-Missisquoi (2446) and La Haute-Yamaska (2447) joined Quebec's Estrie
// administrative region only in July 2021, after the SGC 2021 reference
// date, so they stay in Montérégie here as in StatCan's 2021 tables.
var economicRegions = []ER{
	{"1010", "Avalon Peninsula", "NL", nil, cds("1001")},
	{"1020", "South Coast--Burin Peninsula", "NL", nil, cds("1002 1003")},
	{"1030", "West Coast--Northern Peninsula--Labrador", "NL", nil, cds("1004 1005 1009 1010 1011")},
	{"1040", "Notre Dame--Central Bonavista Bay", "NL", nil, cds("1006 1007 1008")},
	{"1110", "Prince Edward Island", "PE", nil, cds("1101 1102 1103")},
	{"1210", "Cape Breton", "NS", nil, cds("1215 1216 1217 1218")},
	{"1220", "North Shore", "NS", nil, cds("1210 1211 1212 1213 1214")},
	{"1230", "Annapolis Valley", "NS", nil, cds("1205 1207 1208")},
	{"1240", "Southern", "NS", nil, cds("1201 1202 1203 1204 1206")},
	{"1250", "Halifax", "NS", nil, cds("1209")},
	{"1310", "Campbellton--Miramichi", "NB", nil, cds("1309 1314 1315")},
	{"1320", "Moncton--Richibucto", "NB", nil, cds("1306 1307 1308")},
	{"1330", "Saint John--St. Stephen", "NB", nil, cds("1301 1302 1305")},
	{"1340", "Fredericton--Oromocto", "NB", nil, cds("1303 1304 1310")},
	{"1350", "Edmundston--Woodstock", "NB", nil, cds("1311 1312 1313")},
	{"2410", "Gaspésie--Îles-de-la-Madeleine", "QC", nil, cds("2401 2402 2403 2404 2405 2406")},
	{"2415", "Bas-Saint-Laurent", "QC", nil, cds("2407 2408 2409 2410 2411 2412 2413 2414")},
	{"2420", "Capitale-Nationale", "QC", nil, cds("2415 2416 2420 2421 2422 2423 2434")},
	{"2425", "Chaudière-Appalaches", "QC", nil, cds("2417 2418 2419 2425 2426 2427 2428 2429 2431 2433")},
	{"2430", "Estrie", "QC", nil, cds("2430 2440 2441 2442 2443 2444 2445")},
	{"2433", "Centre-du-Québec", "QC", nil, cds("2432 2438 2439 2449 2450")},
	{"2435", "Montérégie", "QC", nil, cds("2446 2447 2448 2453 2454 2455 2456 2457 2458 2459 2467 2468 2469 2470 2471")},
	{"2440", "Montréal", "QC", nil, cds("2466")},
	{"2445", "Laval", "QC", nil, cds("2465")},
	{"2450", "Lanaudière", "QC", nil, cds("2452 2460 2461 2462 2463 2464")},
	{"2455", "Laurentides", "QC", nil, cds("2472 2473 2474 2475 2476 2477 2478 2479")},
	{"2460", "Outaouais", "QC", nil, cds("2480 2481 2482 2483 2484")},
	{"2465", "Abitibi-Témiscamingue", "QC", nil, cds("2485 2486 2487 2488 2489")},
	{"2470", "Mauricie", "QC", nil, cds("2435 2436 2437 2451 2490")},
	{"2475", "Saguenay--Lac-Saint-Jean", "QC", nil, cds("2491 2492 2493 2494")},
	{"2480", "Côte-Nord", "QC", nil, cds("2495 2496 2497 2498")},
	{"2490", "Nord-du-Québec", "QC", nil, cds("2499")},
	{"3510", "Ottawa", "ON", nil, cds("3501 3502 3506 3507 3509")},
	{"3515", "Kingston--Pembroke", "ON", nil, cds("3510 3511 3512 3513 3547")},
	{"3520", "Muskoka--Kawarthas", "ON", nil, cds("3514 3515 3516 3544 3546")},
	{"3530", "Toronto", "ON", nil, cds("3518 3519 3520 3521 3524")},
	{"3540", "Kitchener--Waterloo--Barrie", "ON", nil, cds("3522 3523 3530 3543")},
	{"3550", "Hamilton--Niagara Peninsula", "ON", nil, cds("3525 3526 3528 3529")},
	{"3560", "London", "ON", nil, cds("3532 3534 3539")},
	{"3570", "Windsor--Sarnia", "ON", nil, cds("3536 3537 3538")},
	{"3580", "Stratford--Bruce Peninsula", "ON", nil, cds("3531 3540 3541 3542")},
	{"3590", "Northeast", "ON", nil, cds("3548 3549 3551 3552 3553 3554 3556 3557")},
	{"3595", "Northwest", "ON", nil, cds("3558 3559 3560")},
	{"4610", "Southeast", "MB", nil, cds("4601 4602 4612")},
	{"4620", "South Central", "MB", nil, cds("4603 4604")},
	{"4630", "Southwest", "MB", nil, cds("4605 4606 4607 4615")},
	{"4640", "North Central", "MB", nil, cds("4608 4609 4610")},
	{"4650", "Winnipeg", "MB", nil, cds("4611")},
	{"4660", "Interlake", "MB", nil, cds("4613 4614 4618")},
	{"4670", "Parklands", "MB", nil, cds("4616 4617 4620")},
	{"4680", "North", "MB", nil, cds("4619 4621 4622 4623")},
	{"4710", "Regina--Moose Mountain", "SK", nil, cds("4701 4702 4706")},
	{"4720", "Swift Current--Moose Jaw", "SK", nil, cds("4703 4704 4707 4708")},
	{"4730", "Saskatoon--Biggar", "SK", nil, cds("4711 4712 4713")},
	{"4740", "Yorkton--Melville", "SK", nil, cds("4705 4709 4710")},
	{"4750", "Prince Albert", "SK", nil, cds("4714 4715 4716 4717")},
	{"4760", "Northern", "SK", nil, cds("4718")},
	{"4810", "Lethbridge--Medicine Hat", "AB", nil, cds("4801 4802 4803")},
	{"4820", "Camrose--Drumheller", "AB", nil, cds("4804 4805 4807 4810")},
	{"4830", "Calgary", "AB", nil, cds("4806")},
	{"4840", "Banff--Jasper--Rocky Mountain House", "AB", nil, cds("4809 4814 4815")},
	{"4850", "Red Deer", "AB", nil, cds("4808")},
	{"4860", "Edmonton", "AB", nil, cds("4811")},
	{"4870", "Athabasca--Grande Prairie--Peace River", "AB", nil, cds("4813 4817 4818 4819")},
	{"4880", "Wood Buffalo--Cold Lake", "AB", nil, cds("4812 4816")},
	{"5910", "Vancouver Island and Coast", "BC", nil, cds("5917 5919 5921 5923 5924 5926 5927 5943 5945")},
	{"5920", "Lower Mainland--Southwest", "BC", []string{"Lower Mainland"}, cds("5909 5915 5929 5931")},
	{"5930", "Thompson--Okanagan", "BC", nil, cds("5907 5933 5935 5937 5939")},
	{"5940", "Kootenay", "BC", nil, cds("5901 5903 5905")},
	{"5950", "Cariboo", "BC", nil, cds("5941 5953")},
	{"5960", "North Coast", "BC", nil, cds("5947 5949")},
	{"5970", "Nechako", "BC", nil, cds("5951 5957")},
	{"5980", "Northeast", "BC", nil, cds("5955 5959")},
	{"6010", "Yukon", "YT", []string{"Yukon Territory"}, cds("6001")},
	{"6110", "Northwest Territories", "NT", nil, cds("6101 6102 6103 6104 6105 6106")},
	{"6210", "Nunavut", "NU", nil, cds("6204 6205 6208")},
}

func cds(list string) []string { return strings.Fields(list) }

var (
	regionByCode     = map[string]*ER{}
	regionByDivision = map[string]*ER{}
)

func init() {
	for i := range economicRegions {
		er := &economicRegions[i]
		regionByCode[er.Code] = er
		for _, cd := range er.Divisions {
			regionByDivision[cd] = er
		}
	}
}

// Regions returns all 76 economic regions in code order.
func Regions() []ER {
	out := make([]ER, len(economicRegions))
	copy(out, economicRegions)
	return out
}

// LookupRegion finds an economic region by its four-digit code.
func LookupRegion(code string) (ER, bool) {
	er, ok := regionByCode[code]
	if !ok {
		return ER{}, false
	}
	return *er, true
}

// RegionForDivision maps a census division (four-digit SGC code, e.g.
// "1001") to the economic region containing it.
func RegionForDivision(cd string) (ER, bool) {
	er, ok := regionByDivision[cd]
	if !ok {
		return ER{}, false
	}
	return *er, true
}
