package builtin_test

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer/extract"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

// trap is one sentence a new user of the built-in default would write,
// with the skills it must and must not yield. Requirement, when set, is
// the requirement each wanted skill must carry.
type trap struct {
	name, text string
	employer   string
	title      string
	want       []string
	absent     []string
	asset      []string // wanted skills that must be assets
	required   []string // wanted skills that must be required
}

// traps are the language traps of issue 13 and more of each kind:
// coordination and ellipsis, morphology, sense guards, employer and
// organization names, boilerplate, negation and clause-scoped
// requirements, duty statements.
var traps = []trap{
	// Coordination and ellipsis.
	{name: "coordinated tools share a modifier", text: "Advanced SQL and Excel.", want: []string{"sql", "ms-excel"}},
	{name: "disjunction keeps both", text: "Java or JavaScript experience.", want: []string{"java", "javascript"}},
	{name: "head-sharing ellipsis EN", text: "Experience with accounts payable and receivable.", want: []string{"accounts-payable", "accounts-receivable"}},
	{name: "head-sharing ellipsis EN, or", text: "Accounts payable or receivable processing.", want: []string{"accounts-payable", "accounts-receivable"}},
	{name: "ellipsis FR certifications", text: "Certification RCR et ACLS à jour.", want: []string{"first-aid-cpr", "acls"}},
	{name: "ellipsis FR head first", text: "Gestion des comptes fournisseurs et clients.", want: []string{"accounts-payable", "accounts-receivable"}},
	{name: "list of office tools", text: "Proficient in Word, Excel and Outlook.", want: []string{"ms-word", "ms-excel", "ms-outlook"}},
	{name: "a vendor's products share its name", text: "Proficiency in Adobe InDesign, Illustrator and Acrobat is required.", want: []string{"adobe-indesign", "adobe-illustrator", "adobe-acrobat"}, required: []string{"adobe-indesign", "adobe-illustrator", "adobe-acrobat"}},
	{name: "Access among Microsoft's products", text: "Proficiency in Microsoft Word, Excel and Access.", want: []string{"ms-word", "ms-excel", "ms-access"}},
	{name: "Access parmi les produits Microsoft", text: "Maîtrise de Microsoft Word, Excel et Access.", want: []string{"ms-word", "ms-excel", "ms-access"}},
	{name: "French list of office tools", text: "Maîtrise de Word, Excel et Outlook.", want: []string{"ms-word", "ms-excel", "ms-outlook"}},
	{name: "slash coordination", text: "First Aid/CPR and ACLS required.", want: []string{"first-aid-cpr", "acls"}},
	{name: "certifications sharing a head", text: "WHMIS and first aid certification preferred.", want: []string{"whmis", "first-aid-cpr"}, asset: []string{"whmis", "first-aid-cpr"}},
	{name: "languages coordinated", text: "Fluent in English and Spanish.", want: []string{"english", "spanish"}},
	{name: "residential and commercial FR", text: "Travaux électriques résidentiels et commerciaux.", want: []string{"residential-electrical", "commercial-electrical"}},
	{name: "brakes, steering and suspension", text: "Repair or replace parts of the brakes, steering and suspension.", want: []string{"brake-systems", "steering-and-suspension"}},
	{name: "comptes payables et recevables", text: "Comptes payables et recevables.", want: []string{"accounts-payable", "accounts-receivable"}},
	{name: "heating and air conditioning FR", text: "Installer et entretenir des fournaises, des thermopompes et des climatiseurs.", want: []string{"hvac-systems"}},
	{name: "verbs sharing an object past its coordinated modifiers", text: "Install, troubleshoot and repair residential and commercial wiring.", want: []string{"electrical-installation", "electrical-troubleshooting", "residential-electrical", "commercial-electrical"}},
	{name: "a verb past coordinated modifiers", text: "Install residential and commercial wiring.", want: []string{"electrical-installation", "residential-electrical", "commercial-electrical"}},
	{name: "a French list of elided infinitives shares the verb", text: "Aider les usagers à se laver, à s'habiller et à manger.", want: []string{"personal-care", "feeding-assistance"}},
	{name: "a French head shared past a comma list", text: "Effectuer la réparation des freins, de la suspension et de la direction.", want: []string{"brake-systems", "steering-and-suspension"}},
	{name: "what the site does without", text: "Load trucks by hand; we do not use forklifts at this site.", want: []string{"loading-and-unloading"}, absent: []string{"forklift-operation"}},
	{name: "an employer leading its field is a blurb", text: "Notre firme, leader de l'innovation depuis 20 ans, cherche un designer. Maîtrise d'AutoCAD requise.", want: []string{"autocad"}, absent: []string{"creativity"}},
	{name: "an employer leading its market is a blurb", text: "We are Europe's market leader for mobile wallets and are looking for talent.", absent: []string{"marketing"}},
	{name: "PALS beside French pediatric words", text: "Infirmière en pédiatrie. PALS un atout.", want: []string{"pals"}, asset: []string{"pals"}},
	{name: "a short verb meets its -ing form", text: "Take minutes at meetings and make decisions quickly.", want: []string{"meeting-coordination", "decision-making"}},
	{name: "a head shared by a list of modifiers", text: "Install residential, commercial and industrial wiring.", want: []string{"residential-electrical", "commercial-electrical", "industrial-electrical"}},
	{name: "a head shared by a list of modifiers, serial comma", text: "Service residential, commercial, and industrial electrical systems.", want: []string{"residential-electrical", "commercial-electrical", "industrial-electrical"}},
	{name: "head-sharing ellipsis past a longer first item", text: "Experience with accounts payable, receivable and payroll.", want: []string{"accounts-payable", "accounts-receivable", "payroll"}},
	{name: "head-sharing ellipsis past a longer first item, serial comma", text: "Process accounts payable, receivable, and bank reconciliations.", want: []string{"accounts-payable", "accounts-receivable", "bank-reconciliation"}},
	{name: "a duty verb shared by a list after a longer first object", text: "Prepare correspondence, reports and presentations.", want: []string{"document-preparation", "presentation-skills"}},
	{name: "benefits an HR duty administers are the job", text: "Coordinate onboarding, and administer group benefits and payroll changes in Workday.", want: []string{"payroll", "workday"}},
	{name: "where the employer ranks is a blurb", text: "We are one of Canada's fastest-growing retailers, and our marketing team has won national awards for its social media campaigns.", absent: []string{"marketing", "social-media"}},
	{name: "an award-winning company is a blurb", text: "We are an award-winning company who provide world-class customer service.", absent: []string{"customer-service"}},
	{name: "as would: an asset like the one before", text: "Knowledge of Dentrix would be an asset, as would experience with infection control.", want: []string{"dental-software", "infection-control"}, asset: []string{"dental-software", "infection-control"}},
	{name: "tout comme : un atout comme le précédent", text: "Une expérience en soins de longue durée serait un atout, tout comme une formation PDSB à jour.", want: []string{"long-term-care", "safe-patient-handling"}, asset: []string{"long-term-care", "safe-patient-handling"}},
	{name: "as is: required like the one before", text: "Infection control training is required, as is knowledge of Dentrix.", want: []string{"infection-control", "dental-software"}, required: []string{"infection-control", "dental-software"}},
	{name: "a verb-first form whose object goes on leaves the name inside", text: "Administer Exchange Online for 300 users.", want: []string{"ms-365-administration"}},
	{name: "interns in a software team are mentored, not precepted", text: "Encadrer les stagiaires de l'équipe de développement logiciel.", want: []string{"coaching-and-mentoring"}, absent: []string{"preceptorship"}},
	{name: "an everyday word heading an of-phrase is no product", text: "Log every call by radio. Teams of three drivers rotate weekends, and word of mouth brings our clients.", absent: []string{"ms-teams", "ms-word"}},
	{name: "people counted roughly (une trentaine de)", text: "Former et superviser une trentaine de moniteurs.", want: []string{"hiring-and-training-staff", "supervisory-skills"}},
	{name: "a product after sur", text: "Faire le suivi quotidien avec l'équipe sur Teams.", want: []string{"ms-teams"}},
	{name: "nul besoin negates", text: "Nul besoin de connaître Java : notre pile est en PHP avec MySQL.", want: []string{"php", "mysql"}, absent: []string{"java"}},
	{name: "a spaced dash ends a negation's clause", text: "No farm background necessary - we'll teach you to milk cows.", want: []string{"agriculture"}},
	{name: "a spaced dash ends an asset cue's reach", text: "Knowledge of English - French would be a plus.", want: []string{"english", "french"}, required: []string{"english"}, asset: []string{"french"}},
	{name: "what the employer does not expect is not asked", text: "We don't expect you to build back-end services in PHP or Java.", absent: []string{"php", "java"}},
	{name: "constitue un avantage", text: "La maîtrise de Progident constitue un avantage.", want: []string{"dental-software"}, asset: []string{"dental-software"}},
	{name: "Access among Word and Excel, French", text: "Former les usagers sur Word, Excel et Access.", want: []string{"ms-word", "ms-excel", "ms-access"}},
	{name: "digging and concrete FR", text: "Creuser des tranchées et mélanger, verser et étendre le béton.", want: []string{"excavation-and-trenching", "concrete-work"}},

	// Morphology.
	{name: "planning is plan", text: "Strong planning and organizing skills.", want: []string{"planning"}},
	{name: "inflected verb phrase", text: "Solves problems and manages time effectively.", want: []string{"problem-solving", "time-management"}},
	{name: "French plural and accents", text: "Résolution des problèmes et gestion du temps.", want: []string{"problem-solving", "time-management"}},
	{name: "troubleshooting is troubleshoot", text: "Troubleshooting electrical faults.", want: []string{"electrical-troubleshooting"}},
	{name: "nettoyage is nettoyer", text: "Nettoyage des planchers.", want: []string{"floor-care"}},
	{name: "supervising cashiers", text: "Supervising cashiers.", want: []string{"supervisory-skills"}},
	{name: "French plural of pâtisserie", text: "Préparer le pain et les pâtisseries.", want: []string{"baking"}},

	// Sense guards.
	{name: "team is not Teams", text: "Work in a team with other cashiers. Join our team!", want: []string{"teamwork"}, absent: []string{"ms-teams"}},
	{name: "teams is not Teams", text: "Supervise teams of retail associates and lead store teams in meetings at the office.", absent: []string{"ms-teams"}},
	{name: "Microsoft Teams is Teams", text: "Virtual meetings on Microsoft Teams and Zoom.", want: []string{"ms-teams"}},
	{name: "MS Teams is Teams", text: "Collaborate using MS Teams.", want: []string{"ms-teams"}},
	{name: "Teams with Office suite", text: "Proficient with Outlook, SharePoint and Teams.", want: []string{"ms-teams", "ms-outlook"}},
	{name: "excel as a verb", text: "You excel in a fast-paced environment and excel at customer service.", want: []string{"customer-service"}, absent: []string{"ms-excel"}},
	{name: "Excel as a verb, capitalized", text: "Excel in a fast-paced retail environment.", absent: []string{"ms-excel"}},
	{name: "go is not Go", text: "Developers who go the extra mile and go above and beyond for our software clients.", absent: []string{"go-lang"}},
	{name: "Go in tech context", text: "Backend developer: services written in Go, deployed on Kubernetes.", want: []string{"go-lang", "kubernetes"}},
	{name: "Golang alone", text: "Golang experience.", want: []string{"go-lang"}},
	{name: "Java the coffee", text: "Barista: brew Java, espresso and lattes for customers.", absent: []string{"java"}},
	{name: "outlook the noun", text: "Positive outlook and a great attitude.", absent: []string{"ms-outlook"}},
	{name: "access the verb", text: "Access to a vehicle; must have access to reliable transportation.", absent: []string{"ms-access"}},
	{name: "word the noun", text: "Keep your word and spread the word to customers.", absent: []string{"ms-word"}},
	{name: "slack the noun", text: "Pick up the slack when the team is busy.", absent: []string{"slack"}},
	{name: "swift the adjective", text: "Swift response to customer complaints.", absent: []string{"swift"}},
	{name: "R the letter", text: "Class R licence holders and Grade R beef.", absent: []string{"r-language"}},
	{name: "C the letter", text: "Valid CPR level C and a grade C certificate.", want: []string{"first-aid-cpr"}, absent: []string{"c-language"}},
	{name: "title gives the context", title: "Software Developer", text: "Strong Java and Go skills.", want: []string{"java", "go-lang"}},
	{name: "une clientèle is not retail sales", text: "Expérience auprès d'une clientèle âgée. Accueillir la clientèle.", want: []string{"customer-service"}, absent: []string{"retail-sales"}},
	{name: "weld with MIG stays a process", text: "Weld metal parts using MIG and TIG processes.", want: []string{"welding-processes"}},
	{name: "café alone is not coffee making", text: "Le Café Soleil recrute un barista.", absent: []string{"beverage-preparation"}},
	{name: "permanent is not a perm", text: "Permanent full-time position. Poste permanent.", absent: []string{"hairstyling"}},
	{name: "a processing plant is not planting", text: "Work at our processing plant.", absent: []string{"landscaping-labour", "agriculture"}},
	{name: "organize is not organized", text: "Organize and maintain files.", want: []string{"filing-systems"}, absent: []string{"organizational-skills"}},
	{name: "moulds are not mouldings", text: "Operate injection moulding machines and change moulds.", want: []string{"machine-operation"}, absent: []string{"finish-carpentry"}},
	{name: "industrial furnaces are not HVAC", text: "Operate furnaces used to melt metals.", absent: []string{"hvac-systems"}},
	{name: "steam milk is not farming", text: "Steam milk for lattes.", absent: []string{"agriculture"}},
	{name: "vue d'ensemble is not Vue", text: "Avoir une vue d'ensemble des opérations.", absent: []string{"vue"}},
	{name: "tableau FR is a board", text: "Remplir le tableau des températures.", absent: []string{"tableau"}},
	{name: "wash windows is not Windows", text: "Wash windows, interior walls and ceilings.", want: []string{"commercial-cleaning"}, absent: []string{"windows-os"}},
	{name: "fils are wires, not filing", text: "Tirer des fils dans les conduits.", want: []string{"electrical-installation"}, absent: []string{"filing-systems"}},
	{name: "brakes in a pre-trip inspection", text: "Perform pre-trip inspection of tires, lights and brakes. Effectuer l'inspection avant départ des freins.", want: []string{"safety-inspections-vehicles"}, absent: []string{"brake-systems"}},
	{name: "brakes for a mechanic", text: "Repair brakes and replace rotors.", want: []string{"brake-systems"}},
	{name: "the paint department", text: "Assist customers in the paint department.", want: []string{"customer-service"}, absent: []string{"painting-finishing"}},
	{name: "painting surfaces", text: "Prepare surfaces and apply paint, stain and varnish.", want: []string{"painting-finishing"}},
	{name: "an excavator is not hydraulic repair", text: "Conduire une pelle hydraulique sur les chantiers.", want: []string{"heavy-equipment-operation"}, absent: []string{"hydraulic-systems"}},
	{name: "maîtrise d'Excel", text: "Maîtrise d'Excel requise.", want: []string{"ms-excel"}},
	{name: "take orders from a supervisor", text: "Take orders from your supervisor.", absent: []string{"table-service", "food-service-counter"}},
	{name: "ACLS beside RN registration", text: "RN registration is mandatory; ACLS would be an asset.", want: []string{"nursing-registration", "acls"}, required: []string{"nursing-registration"}, asset: []string{"acls"}},

	// A trait word describing a thing the job comes with, not the person.
	{name: "reliable transportation is no reliability", text: "Must have reliable transportation.", absent: []string{"reliability"}},
	{name: "a reliable vehicle FR", text: "Avoir un véhicule fiable.", absent: []string{"reliability"}},
	{name: "a creative environment", text: "Work in a dynamic and creative environment.", absent: []string{"creativity"}},
	{name: "a creative team FR", text: "Joignez-vous à une équipe dynamique et créative.", absent: []string{"creativity"}},
	{name: "a reliable company", text: "We are a reliable and trusted company.", absent: []string{"reliability"}},
	{name: "reliable and punctual is the person", text: "Be reliable and punctual.", want: []string{"reliability", "punctuality"}},
	{name: "a flexible team player is the person", text: "A flexible team player.", want: []string{"adaptability", "teamwork"}},
	{name: "a distinctive tool name in a technical posting", text: "Experience with C# and .NET is required, Azure an asset.", want: []string{"azure"}, asset: []string{"azure"}},
	{name: "report writing FR", text: "Rédiger des rapports et de la correspondance.", want: []string{"report-writing", "correspondence"}},
	{name: "report writing EN", text: "Write reports and answer correspondence.", want: []string{"report-writing"}},
	{name: "nursing FR", text: "Expérience en soins infirmiers; carte de RCR valide.", want: []string{"nursing-care", "first-aid-cpr"}},
	{name: "clean and safe workplace FR", text: "Maintenir un environnement de travail propre et sécuritaire.", want: []string{"cleanliness", "safety-awareness"}},
	{name: "clean and safe workplace EN", text: "Maintain a clean and safe work environment.", want: []string{"cleanliness", "safety-awareness"}},

	// An asset cue with a skill of its own in its clause speaks of that
	// clause only; a bare one (", an asset") of the clauses beside it.
	{name: "last item an asset", text: "Skills: proficient in MS Office (Word, Excel, Outlook), strong attention to detail, bilingual (English/French) an asset.",
		want: []string{"ms-office", "ms-excel", "attention-to-detail", "bilingual-en-fr"}, required: []string{"ms-office", "ms-excel", "attention-to-detail"}, asset: []string{"bilingual-en-fr"}},
	{name: "a clause of its own is an asset", text: "Strong communication skills, Spanish is an asset.", want: []string{"communication", "spanish"}, required: []string{"communication"}, asset: []string{"spanish"}},
	{name: "a bare asset clause", text: "Experience with QuickBooks, an asset.", want: []string{"quickbooks"}, asset: []string{"quickbooks"}},

	// Duties as postings write them (2026-12-07 round).
	{name: "inspect kitchens", text: "Inspect kitchens and food service areas.", want: []string{"food-safety"}},
	{name: "review code", text: "You will review code and write unit tests.", want: []string{"code-review", "unit-testing"}},
	{name: "keep the store clean", text: "Restock shelves and keep the store clean.", want: []string{"shelf-stocking", "cleanliness"}},

	// Employer and organization names.
	{name: "employer never a skill", employer: "CIUSSS du Centre-Sud-de-l'Île-de-Montréal", text: "Le CIUSSS du Centre-Sud-de-l'Île-de-Montréal recrute une infirmière. Travail d'équipe.", want: []string{"teamwork"}, absent: []string{"health-system-knowledge"}},
	{name: "organization names never skills", text: "Join the CISSS de Laval, a CLSC team.", absent: []string{"health-system-knowledge"}},
	{name: "employer named like a tool", employer: "Oracle Corporation", text: "Oracle is hiring a customer service representative.", want: []string{"customer-service"}, absent: []string{"oracle-database", "oracle-erp"}},
	{name: "org suffix", text: "Excel Logistics Inc. seeks a forklift operator.", want: []string{"forklift-operation"}, absent: []string{"ms-excel"}},
	{name: "CISSS employer FR", employer: "CISSS des Laurentides", text: "Le CISSS des Laurentides recrute. Aider les résidents à se laver.", want: []string{"personal-care"}, absent: []string{"health-system-knowledge"}},

	// Boilerplate.
	{name: "benefits are not skills", text: "Requirements:\n- Customer service.\nBenefits:\n- Flexible schedule\n- Dental care", want: []string{"customer-service"}, absent: []string{"mobility-and-travel"}},
	{name: "benefit sentence", text: "We offer a flexible schedule and paid training. Customer service skills.", want: []string{"customer-service"}, absent: []string{"mobility-and-travel"}},
	// Job Bank duty statements as the French postings write them.
	{name: "FR attendant duties", text: "Aider les patients à se laver et à s'habiller. Cours de RCR requis.", want: []string{"personal-care", "first-aid-cpr"}},
	{name: "FR cashier duties", text: "Recevoir les paiements en argent comptant, par carte de débit ou de crédit. Emballer les articles achetés.", want: []string{"cash-handling", "cashier-operations"}},
	{name: "FR supervisor duties", text: "Résoudre les problèmes, tels que les plaintes des clients. Établir les horaires de travail.", want: []string{"problem-solving", "customer-complaints", "staff-scheduling"}},
	{name: "FR driver duties", text: "Conduire des camions lourds sur de longues distances. Effectuer des inspections avant départ.", want: []string{"tractor-trailer-operation", "safety-inspections-vehicles"}},
	{name: "FR cook duties", text: "Commander les fournitures. Nettoyer la cuisine.", want: []string{"ordering-and-purchasing", "kitchen-sanitation"}},
	{name: "janitor duties", text: "Sweep, mop, wash and polish floors. Empty garbage containers. Clean washrooms.", want: []string{"floor-care", "waste-management", "washroom-sanitation"}},
	{name: "receiving a payment is not receiving goods", text: "Take customers' orders and receive payment.", want: []string{"payment-processing"}, absent: []string{"shipping-and-receiving"}},
	{name: "merchandise is not merchandising", text: "Discuss type, quality and quantity of merchandise sought. Advise customers on use and care of merchandise.", absent: []string{"visual-merchandising"}},
	{name: "shifts are not travel", text: "Must be able to work evenings and weekends.", want: []string{"shift-availability"}, absent: []string{"mobility-and-travel"}},
	{name: "billing is not accounts receivable", text: "Answer questions about billing from customers by phone.", want: []string{"billing-inquiries"}, absent: []string{"accounts-receivable"}},
	{name: "a customer's purchases are not procurement", text: "Bag purchases and thank customers. Emballer les achats des clients.", absent: []string{"procurement-administration"}},
	{name: "serving at a counter is still customer service", text: "Serve customers at the pharmacy counter.", want: []string{"customer-service"}},
	{name: "fares are not receivables", text: "Collect fares and issue transfers. Fare collection.", want: []string{"cash-handling"}, absent: []string{"accounts-receivable"}},
	{name: "estimating supplies is ordering", text: "Estimate ingredient and supply needs and place orders. Ensure food and service meet quality standards.", want: []string{"ordering-and-purchasing"}, absent: []string{"estimating", "quality-management-systems"}},
	{name: "an asset but not required", text: "A valid driver's licence is an asset but not required. Bilingualism is an asset, not a requirement.", want: []string{"class-5-licence"}, asset: []string{"class-5-licence"}},
	{name: "un atout mais pas obligatoire", text: "Le permis de conduire est un atout, mais n'est pas obligatoire.", want: []string{"class-5-licence"}, asset: []string{"class-5-licence"}},
	{name: "a puppet show is not Puppet", title: "Server", text: "Serve guests and carry trays. Puppet show for kids on Sundays; help our servers.", absent: []string{"config-management"}},
	{name: "Chef and Puppet in DevOps", text: "Automate Linux servers with Chef and Puppet.", want: []string{"config-management"}},
	{name: "a plus is an asset", text: "Python required for our backend developers. Swift and Rust a plus.", want: []string{"python", "swift", "rust-lang"}, required: []string{"python"}, asset: []string{"swift", "rust-lang"}},
	{name: "Job Bank supervisor duty", text: "Resolve problems that arise, such as customer complaints and supply shortages.", want: []string{"problem-solving", "customer-complaints"}},
	{name: "flexible schedule alone is a benefit", text: "Horaire flexible. Service à la clientèle requis.", want: []string{"customer-service"}, absent: []string{"adaptability"}},
	{name: "flexible schedule alone EN", text: "Flexible hours. Be adaptable.", want: []string{"adaptability"}},
	{name: "a clean abstract is a driving record", text: "Must have a valid G licence and a clean abstract.", absent: []string{"abstracting"}},
	{name: "abstracting in health records", text: "Abstracting and coding of inpatient charts using ICD-10-CA.", want: []string{"abstracting"}},
	{name: "driving abstract is a licence", text: "Class 1/AZ licence required. Clean driving abstract.", want: []string{"class-1-licence", "class-5-licence"}, absent: []string{"abstracting"}},
	{name: "benefit list FR", text: "Avantages : horaire flexible, assurances collectives.\nService à la clientèle requis.", want: []string{"customer-service"}, absent: []string{"mobility-and-travel"}},
	{name: "EEO statement", text: "Forklift operation required. We are an equal opportunity employer committed to diversity and teamwork.", want: []string{"forklift-operation"}, absent: []string{"teamwork"}},
	{name: "company blurb", text: "Acme is a leading provider of customer service and logistics solutions. Operate a forklift.", want: []string{"forklift-operation"}, absent: []string{"customer-service"}},
	{name: "Job Bank benefits section", text: "Health benefits: Dental plan, Health care plan. Financial benefits: Group insurance benefits, Pension plan.", absent: []string{"insurance-products", "financial-services-advice"}},
	{name: "EEO statement FR", text: "Nous encourageons les femmes, les Autochtones, les personnes handicapées et les minorités visibles à postuler.", absent: []string{"indigenous-services", "disability-support"}},
	{name: "staff meals are a benefit", text: "We offer competitive wages, staff meals and a cash bonus. Operate the dish machine.", want: []string{"dishwashing"}, absent: []string{"cash-handling", "cooking"}},
	{name: "delivery truck EN", text: "Drive a delivery truck on local routes.", want: []string{"local-delivery-driving"}},
	{name: "camion de livraison FR", text: "Conduire un camion de livraison.", want: []string{"local-delivery-driving"}},

	// Negation and clause-scoped requirements.
	{name: "not required list", text: "Customer service required. Not required: French.", want: []string{"customer-service"}, absent: []string{"french"}},
	{name: "not required sentence", text: "French is not required. Customer service skills.", want: []string{"customer-service"}, absent: []string{"french"}},
	{name: "no experience required", text: "No forklift experience required. Customer service skills.", want: []string{"customer-service"}, absent: []string{"forklift-operation"}},
	{name: "aucune expérience requise", text: "Aucune expérience en service à la clientèle requise. Maîtrise du français.", want: []string{"french"}, absent: []string{"customer-service"}},
	{name: "pas requis FR", text: "L'anglais n'est pas requis. Maîtrise du français.", want: []string{"french"}, absent: []string{"english"}},
	{name: "clause-scoped requirement", title: "Developer", text: "Java required; Python an asset.", want: []string{"java", "python"}, required: []string{"java"}, asset: []string{"python"}},
	{name: "clause-scoped requirement, comma", title: "Developer", text: "Java is required, Python is an asset.", want: []string{"java", "python"}, required: []string{"java"}, asset: []string{"python"}},
	{name: "clause-scoped FR", text: "Le français est exigé, l'anglais est un atout.", want: []string{"french", "english"}, required: []string{"french"}, asset: []string{"english"}},
	{name: "no Red Seal needed", text: "No Red Seal needed; apprentices welcome.", absent: []string{"red-seal"}},
	{name: "aucune expérience en soudage", text: "Aucune expérience en soudage nécessaire. Lire des plans.", want: []string{"blueprint-reading"}, absent: []string{"welding-processes", "welding-and-fabrication"}},
	{name: "obligatoire and atout FR", text: "Carte ASP Construction obligatoire; le SIMDUT est un atout.", want: []string{"construction-safety-card", "whmis"}, required: []string{"construction-safety-card"}, asset: []string{"whmis"}},
	{name: "training provided is not asked for", text: "No experience necessary, we will train you on our POS system. Customer service skills.", want: []string{"customer-service"}, absent: []string{"pos-system"}},
	{name: "training will be provided", text: "Forklift training will be provided. Customer service skills.", want: []string{"customer-service"}, absent: []string{"forklift-operation"}},
	{name: "providing is no training offer", text: "You will be providing forklift operation support to the team.", want: []string{"forklift-operation"}},
	{name: "a trainer's duty is no training offer", text: "You will train new staff on cash handling.", want: []string{"cash-handling"}},
	{name: "nous vous formerons FR", text: "Nous vous formerons à la conduite du chariot élévateur. Service à la clientèle.", want: []string{"customer-service"}, absent: []string{"forklift-operation"}},
	{name: "don't need", text: "You don't need a forklift licence to apply. Customer service skills.", want: []string{"customer-service"}, absent: []string{"forklift-certification"}},
	{name: "bonus points are an asset", title: "Developer", text: "Bonus points for React Native experience.", want: []string{"react"}, asset: []string{"react"}},
	{name: "an advantage is an asset", text: "Experience with QuickBooks would be an advantage.", want: []string{"quickbooks"}, asset: []string{"quickbooks"}},
	{name: "must have and preferred headers inline", title: "Analyst", text: "Must have: Excel. Preferred: Power BI.", want: []string{"ms-excel", "power-bi"}, required: []string{"ms-excel"}, asset: []string{"power-bi"}},
	{name: "sentence-initial Teams beside other software", title: "Supervisor", text: "Teams of 5 to 10 cashiers report to you. Reports in Power BI.", want: []string{"power-bi"}, absent: []string{"ms-teams"}},

	// Duty statements.
	{name: "Job Bank cook duties", text: "Prepare and cook complete meals or individual dishes and foods.", want: []string{"cooking"}},
	{name: "clean kitchen", text: "Clean kitchen and work areas.", want: []string{"kitchen-sanitation"}},
	{name: "lead and mentor", text: "Lead and mentor a team of five.", want: []string{"leadership", "coaching-and-mentoring"}},
	{name: "supervise and co-ordinate", text: "Supervise and co-ordinate staff.", want: []string{"supervisory-skills"}},
	{name: "cook duties FR", text: "Préparer et cuire des repas complets ou des plats individuels.", want: []string{"cooking"}},
	{name: "clean FR", text: "Nettoyer la cuisine et les aires de travail.", want: []string{"kitchen-sanitation"}},
	{name: "supervise FR", text: "Superviser et coordonner le personnel.", want: []string{"supervisory-skills"}},
	{name: "lead FR", text: "Diriger et encadrer une équipe.", want: []string{"leadership"}},
	{name: "server duties", text: "Greet guests and escort them to tables. Serve food and beverages.", want: []string{"customer-service", "table-service"}},
	{name: "server duties FR", text: "Accueillir les clients et servir des aliments et des boissons.", want: []string{"customer-service", "table-service"}},
	{name: "chef duties", text: "Plan menus and estimate food costs. Schedule staff.", want: []string{"menu-planning", "food-cost-control", "staff-scheduling"}},
	{name: "chef duties FR", text: "Planifier les menus. Préparer les horaires du personnel.", want: []string{"menu-planning", "staff-scheduling"}},
	{name: "ECE duties", text: "Plan and implement programs for children.", want: []string{"program-planning-childcare"}},
	{name: "standing FR", text: "Capacité à rester debout pendant de longues périodes.", want: []string{"physical-stamina"}},
	{name: "store procedures are not stored procedures", title: "Retail sales associate", text: "Train new employees on store procedures.", want: []string{"hiring-and-training-staff"}, absent: []string{"database-design"}},
	{name: "stored procedures in tech", title: "Developer", text: "Writing stored procedures in SQL.", want: []string{"database-design", "sql"}},
	{name: "a licence class with its letters in parentheses", text: "Class 1 (AZ) licence required. Class 3 (DZ) licence an asset.", want: []string{"class-1-licence", "class-3-licence"}, required: []string{"class-1-licence"}, asset: []string{"class-3-licence"}},
	{name: "serial list of duty verbs", text: "Supervise, train and schedule staff. Pick, pack and ship customer orders.", want: []string{"supervisory-skills", "hiring-and-training-staff", "staff-scheduling", "order-picking"}},
	{name: "serial list of verbs FR", text: "Fixer, confirmer et déplacer les rendez-vous.", want: []string{"calendar-management"}},
	{name: "a requirement covers its whole list", title: "Developer", text: "Java, Python and Go required. Rust, Swift, or Kotlin an asset.", want: []string{"java", "python", "go-lang", "rust-lang", "swift"}, required: []string{"java", "python", "go-lang"}, asset: []string{"rust-lang", "swift"}},
	{name: "ellipsis keeps the head, not every modifier", text: "Safe food handling and storage.", want: []string{"food-safety", "food-storage"}},
	{name: "use Excel to", text: "Use Excel to track inventory.", want: []string{"ms-excel"}},
	{name: "souhaitée is an asset", text: "Sage 50 souhaitée.", want: []string{"sage-accounting"}, asset: []string{"sage-accounting"}},
	{name: "pas besoin", text: "Pas besoin d'expérience en cuisine. Service à la clientèle.", want: []string{"customer-service"}, absent: []string{"cooking"}},
	{name: "travel accommodation is a duty", text: "Arrange travel and accommodation for executives. Accommodation is available on request for applicants with disabilities.", want: []string{"travel-arrangements"}},
	{name: "patient rooms are not a kitchen", text: "Clean and sanitize patient rooms. Nettoyer et désinfecter les chambres des patients.", want: []string{"hospital-cleaning"}, absent: []string{"kitchen-sanitation"}},
	{name: "independently and as part of a team", text: "Ability to work independently and as part of a team.", want: []string{"independence", "teamwork"}},
	{name: "inventory verbs", text: "Monitor inventory levels and reorder as needed. Gérer les stocks.", want: []string{"inventory-control"}},
	{name: "médication FR", text: "Prendre les signes vitaux et administrer la médication.", want: []string{"vital-signs", "medication-administration"}},
	{name: "not required but an asset", text: "Forklift experience is not required but would be an asset.", want: []string{"forklift-operation"}, asset: []string{"forklift-operation"}},
	{name: "cashier duties", text: "Operate cash register. Calculate payments received during shift and reconcile with total sales.", want: []string{"cashier-operations", "cash-handling"}, absent: []string{"shipping-and-receiving"}},
	{name: "cashier duties FR", text: "Faire fonctionner une caisse enregistreuse. Calculer les paiements reçus pendant le quart de travail.", want: []string{"cashier-operations", "cash-handling"}},
	{name: "retail duties", text: "Conduct sales transactions through cash, debit or credit. Assist in display of merchandise.", want: []string{"payment-processing", "visual-merchandising"}},
	{name: "retail duties FR", text: "Vendre de la marchandise aux clients. Aider à l'étalage de la marchandise.", want: []string{"retail-sales", "visual-merchandising"}},
	{name: "cook allergies", text: "Prepare dishes for customers with food allergies or intolerances. Préparer des plats pour les clients ayant des allergies alimentaires.", want: []string{"cooking", "allergen-awareness"}},
	{name: "kitchen helper duties", text: "Wash, peel and cut vegetables and fruit. Remove kitchen garbage.", want: []string{"food-preparation", "waste-management"}},
	{name: "kitchen helper duties FR", text: "Laver, éplucher et couper les légumes. Sortir les ordures de la cuisine.", want: []string{"food-preparation", "waste-management"}},
	{name: "server tables", text: "Present menus to patrons. Set and clear tables. Dresser et desservir les tables.", want: []string{"table-service"}, absent: []string{"menu-planning"}},
	{name: "truck driver duties", text: "Operate and drive straight or articulated trucks. Secure cargo. Arrimer le chargement.", want: []string{"tractor-trailer-operation", "load-securement"}},
	{name: "NOC misspelling tractor-trailor", text: "Operate and drive tractor-trailor and long-combination vehicles.", want: []string{"tractor-trailer-operation"}},
	{name: "janitor snow and washrooms FR", text: "Déneiger les trottoirs. Nettoyer et désinfecter les salles de toilettes.", want: []string{"landscaping-labour", "washroom-sanitation"}},
	{name: "PSW duties FR", text: "Tourner et repositionner les patients. Donner le bain aux résidents. Transporter les patients en fauteuil roulant.", want: []string{"safe-patient-handling", "personal-care", "patient-transport"}},
	{name: "nurse reports changes", text: "Monitor patients' condition and report changes. Surveiller l'état des patients et signaler les changements.", want: []string{"observation-and-reporting"}},
	{name: "bookkeeper duties", text: "Keep financial records and balance accounts. Tenir les livres comptables et rapprocher les comptes.", want: []string{"bookkeeping", "bank-reconciliation"}},
	{name: "customer service rep duties", text: "Answer enquiries and resolve complaints. Issue receipts and refunds.", want: []string{"customer-inquiries", "customer-complaints", "payment-processing"}},
	{name: "carpenter duties", text: "Erect walls and install floor beams. Poser des portes et des moulures.", want: []string{"framing", "finish-carpentry"}},
	{name: "electrician duties", text: "Install lighting fixtures and circuit breaker panels. Test continuity of circuits.", want: []string{"electrical-installation", "electrical-testing"}},
	{name: "welder cutting", text: "Cut and bevel metal using a plasma cutter. Couper et biseauter le métal.", want: []string{"metal-cutting"}},
	{name: "mechanic diagnostics", text: "Diagnose faults using computerized testing equipment.", want: []string{"vehicle-diagnostics"}},
	{name: "security duties", text: "Respond to alarms and patrol assigned areas. Répondre aux alarmes.", want: []string{"emergency-response", "patrolling"}},
	{name: "delivery driver duties", text: "Drive a van or light truck to pick up and deliver products. Plan delivery routes.", want: []string{"local-delivery-driving", "trip-planning"}},
	{name: "home support FR", text: "Accompagner les clients à leurs rendez-vous médicaux. Tenir compagnie aux clients.", want: []string{"client-transportation", "companionship"}},
	{name: "developer duties", title: "Software developer", text: "Write, modify, integrate and test software code. Collect user requirements.", want: []string{"software-development", "business-analysis"}},
	{name: "sales rep duties", text: "Promote sales to existing clients and solicit potential clients. Prepare sales contracts.", want: []string{"account-management", "prospecting", "contract-negotiation"}},
	{name: "manager duties FR", text: "Évaluer le rendement du personnel. Négocier avec les fournisseurs. Établir les budgets.", want: []string{"performance-management", "ordering-and-purchasing", "budget-administration"}},
	{name: "heavy equipment operator", text: "Operate heavy equipment such as backhoes and bulldozers. Conduire de la machinerie lourde.", want: []string{"heavy-equipment-operation"}},
	{name: "bus driver", text: "Drive buses along established routes. Conduire un autobus scolaire.", want: []string{"passenger-transport"}},
	{name: "fares stay cash handling", text: "Collect fares and assist passengers.", want: []string{"cash-handling", "passenger-transport"}},
	{name: "bartender duties", text: "Mix and serve alcoholic and non-alcoholic drinks. Vérifier les pièces d'identité des clients.", want: []string{"bartending", "age-verification"}},
	{name: "IT support duties", title: "IT support technician", text: "Reset passwords and manage user accounts. Respond to help desk tickets.", want: []string{"user-account-administration", "help-desk-support"}},
	{name: "accounts payable duties FR", text: "Traiter les factures des fournisseurs. Faire le suivi des comptes en souffrance.", want: []string{"accounts-payable", "accounts-receivable"}},
	{name: "food counter cleaning duties", text: "Wash work tables. Scour pots and pans. Récurer les chaudrons.", want: []string{"kitchen-sanitation", "dishwashing"}},
	{name: "labourer duties FR", text: "Aider les gens de métier. Enlever les gravats et les débris.", want: []string{"general-labour"}},
	{name: "meat processing duties", text: "Trim carcasses and remove bones from meat. Désosser la viande.", want: []string{"food-processing"}},
	{name: "ECE child-care programs", text: "Develop and implement child-care programs. Évaluer les besoins des enfants.", want: []string{"program-planning-childcare", "child-observation-documentation"}},
	{name: "move inventory is handling", text: "Move inventory to storage locations using forklifts.", want: []string{"material-handling", "forklift-operation"}},
	{name: "hairstylist duties", text: "Cut and style hair. Couper les cheveux et faire des colorations.", want: []string{"hairstyling"}},
	{name: "nanny duties", text: "Supervise and care for children in the employer's home. S'occuper des enfants.", want: []string{"in-home-childcare"}},
	{name: "farm worker duties", text: "Plant and harvest crops. Cueillir des fruits et légumes.", want: []string{"agriculture"}},
	{name: "hotel front desk duties", text: "Register arriving guests and assign rooms. Confirmer les réservations.", want: []string{"hospitality-front-desk"}},
	{name: "barista duties", text: "Prepare and serve coffee and specialty drinks. Préparer des boissons spécialisées.", want: []string{"beverage-preparation"}},
	{name: "room attendant FR", text: "Entretien ménager des chambres.", want: []string{"housekeeping"}},
	{name: "receiving duties", text: "Receive and check deliveries. Réceptionner et vérifier les livraisons.", want: []string{"shipping-and-receiving"}},
	{name: "parcel duties", text: "Pack and label parcels. Emballer et étiqueter les colis.", want: []string{"packaging"}},
	{name: "rotate stock", text: "Rotate stock.", want: []string{"food-storage"}},
	{name: "security reports FR", text: "Rédiger des rapports d'activité quotidiens.", want: []string{"incident-reporting"}},
	{name: "mechanic oil FR", text: "Changer l'huile et les filtres. Effectuer l'entretien des véhicules.", want: []string{"oil-changes-and-lube", "preventive-maintenance"}},
	{name: "developer duties FR", title: "Développeur web", text: "Développer et maintenir des applications web.", want: []string{"software-development"}},
	// Verb-first duty statements of labels that end in an action noun.
	{name: "verb-first repair", text: "Diagnose and repair automotive engines.", want: []string{"engine-repair"}},
	{name: "verb-first maintenance, coordinated verbs", text: "Repair and maintain heavy equipment.", want: []string{"heavy-equipment-repair"}},
	{name: "verb-first object must end", text: "Develop and maintain web applications.", want: []string{"software-development"}, absent: []string{"web-maintenance"}},
	{name: "motivating others is leadership", text: "Lead, coach and motivate a team of cashiers. Ability to motivate and inspire staff.", want: []string{"leadership"}, absent: []string{"self-motivation"}},
	{name: "ellipsis replaces a two-word tail FR", text: "Capacité à travailler en équipe et sous pression.", want: []string{"teamwork", "work-under-pressure"}},
	{name: "ellipsis replaces a two-word tail after a longer head FR", text: "Capacité à travailler sous pression et en équipe.", want: []string{"teamwork", "work-under-pressure"}},
	{name: "a company's values are a blurb", text: "Join a company that values teamwork, innovation and integrity.", absent: []string{"teamwork", "creativity", "integrity"}},
	{name: "values asked of the candidate are not a blurb", text: "We value teamwork and integrity in every candidate.", want: []string{"teamwork", "integrity"}},
	{name: "work as a team", text: "Lead a team of 10 associates and work as a team to meet targets.", want: []string{"leadership", "teamwork"}},
	{name: "prepare and serve drinks FR", text: "Préparer et servir des boissons.", want: []string{"beverage-preparation"}},
	{name: "sell products", text: "Sell products and meet sales targets.", want: []string{"retail-sales"}},
	{name: "parenthesized cues speak of what they follow", text: "Experience in customer service (preferred) and cash handling (required).", want: []string{"customer-service", "cash-handling"}, asset: []string{"customer-service"}, required: []string{"cash-handling"}},
	{name: "what our company values is a blurb", text: "Our company values teamwork and integrity.", absent: []string{"teamwork", "integrity"}},
	{name: "what our team values is a blurb, the next sentence asks", text: "Our team values open communication. You must have strong communication skills.", want: []string{"communication"}, required: []string{"communication"}},
	{name: "ce que notre équipe valorise est un texte d'entreprise", text: "Notre équipe valorise le travail d'équipe et la communication.", absent: []string{"teamwork", "communication"}},
	{name: "a company that values diversity is a blurb", text: "Our company values diversity, equity and inclusion.", absent: []string{"anti-oppressive-practice"}},
	{name: "encaisser FR", text: "Prendre les commandes et encaisser les paiements.", want: []string{"food-service-counter", "payment-processing"}},
	{name: "a name spelled like no word needs no context", text: "JavaScript is required. Swift is a plus.", want: []string{"javascript"}, absent: []string{"swift"}},
	{name: "two tools in one sentence support each other", text: "Java is a plus but SQL is mandatory.", want: []string{"java", "sql"}, asset: []string{"java"}, required: []string{"sql"}},
	{name: "keeping patient records", text: "Schedule appointments and maintain patient records. Tenir les dossiers des patients à jour.", want: []string{"records-management"}},
}

func TestTraps(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	for _, c := range append(append([]trap(nil), traps...), probeTraps...) {
		t.Run(c.name, func(t *testing.T) {
			for _, id := range append(append(append([]string{}, c.want...), c.absent...), c.asset...) {
				if _, ok := tax.Lookup(id); !ok {
					t.Fatalf("case names unknown skill %q", id)
				}
			}
			res := x.ExtractDoc(extract.Doc{Text: textnorm.Clean(c.text), Title: c.title, Employer: c.employer})
			got := map[string]extract.Match{}
			for _, m := range res.Skills {
				got[m.ID] = m
			}
			for _, id := range c.want {
				if _, ok := got[id]; !ok {
					t.Errorf("missing %s (got %s)", id, ids(res))
				}
			}
			for _, id := range c.absent {
				if m, ok := got[id]; ok {
					t.Errorf("%s must not be counted (from %q; got %s)", id, m.Text, ids(res))
				}
			}
			for _, id := range c.asset {
				if m, ok := got[id]; ok && m.Requirement != extract.Asset {
					t.Errorf("%s is %s, want asset", id, m.Requirement)
				}
			}
			for _, id := range c.required {
				if m, ok := got[id]; ok && m.Requirement != extract.Required {
					t.Errorf("%s is %s, want required", id, m.Requirement)
				}
			}
		})
	}
}

// A skill that groups several products is shown by the group's name, so a
// posting asking for one product never reads as asking for another:
// "SAS" was shown as SPSS, "Trello" as Asana, "TIG welding" as MIG welding.
func TestFamilyLabelsNameTheFamily(t *testing.T) {
	tax, err := builtin.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	for _, c := range []struct{ text, id, label string }{
		{"Experience with Python, R or SAS.", "statistical-software", "statistical software"},
		{"Experience with Trello.", "project-management-tools", "project management tools"},
		{"TIG welding of stainless steel.", "welding-processes", "welding processes"},
		{"Knowledge of Chinese cuisine.", "cuisine-styles", "world cuisines"},
		{"Serving It Right certificate required.", "responsible-beverage-service", "responsible beverage service certification"},
		{"Experience with Square POS.", "restaurant-pos", "restaurant POS systems"},
		{"Knowledge of HTML/CSS.", "html-css", "HTML and CSS"},
	} {
		got := ""
		for _, m := range x.Extract(textnorm.Clean(c.text)).Skills {
			if m.ID == c.id {
				got = m.Label
			}
		}
		if got != c.label {
			t.Errorf("%q: %s shown as %q, want %q", c.text, c.id, got, c.label)
		}
	}
}
