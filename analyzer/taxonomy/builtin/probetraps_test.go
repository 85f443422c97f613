package builtin_test

// probeTraps are the wordings probes of new postings found failing
// (2026-12-07): one-line postings whose headers open sentences inside
// them, duty and requirement wordings just off a label, training the
// employer gives. TestTraps runs them with traps.
var probeTraps = []trap{
	// A probe of 2026-12-07: postings flattened to one line, whose
	// headers open sentences inside it.
	{name: "a header inside a line ends the blurb before it", text: "About us: We have been a leader in supply chain management since 1985. Duties: sort parcels and deliver packages. Benefits: dental plan and paid training.", want: []string{"courier-parcel", "local-delivery-driving"}},
	{name: "duties after an inline benefits header", text: "Benefits: paid training, employee discount, dental and vision care. Duties: Count the cash float at the end of the shift.", want: []string{"cash-handling"}},
	{name: "tâches after an inline nous offrons", text: "Nous offrons : formation payée, rabais employé, horaire flexible. Tâches : Placer la marchandise sur les tablettes.", want: []string{"shelf-stocking"}},
	{name: "a benefits header inside a line makes the rest boilerplate", text: "Cook and prepare meals. Benefits: paid training in food safety.", want: []string{"cooking"}, absent: []string{"food-safety"}},
	{name: "family-owned blurb", text: "Our family-owned bakery has proudly served fresh pastries and catering to Halifax since 1990.", absent: []string{"institutional-cooking", "baking"}},
	{name: "our restaurant specializes is a blurb", text: "Our restaurant specializes in Italian cuisine and homemade pastries.", absent: []string{"cuisine-styles", "baking"}},
	{name: "a developer specializing in a field is no blurb", text: "You develop software specializing in embedded Linux systems.", want: []string{"embedded-tools"}},
	{name: "se spécialise dans is a blurb FR", text: "Notre restaurant familial se spécialise dans la cuisine italienne et les pâtisseries maison.", absent: []string{"cuisine-styles", "baking"}},
	// Duty and requirement wordings just off a label.
	{name: "feeding residents FR", text: "Aider les résidents à s'alimenter.", want: []string{"feeding-assistance"}},
	{name: "assessing patients FR", text: "Évaluer la condition physique et mentale des patients.", want: []string{"patient-assessment"}},
	{name: "first aid course FR", text: "Cours de secourisme en milieu de garde.", want: []string{"first-aid-cpr"}},
	{name: "forklift certificate and scanner FR", text: "Certificat de cariste (chariot élévateur) obligatoire. Utiliser un lecteur optique.", want: []string{"forklift-certification", "rf-scanner"}},
	{name: "farm duties FR", text: "Récolter les fruits et légumes. Nourrir et soigner les animaux de la ferme.", want: []string{"agriculture"}},
	{name: "soudure is welding FR", text: "Deux ans d'expérience en soudure MIG.", want: []string{"welding-processes"}},
	{name: "twelve-hour shifts FR", text: "Travailler sur des quarts de 12 heures.", want: []string{"shift-availability"}},
	{name: "CCQ competency card FR", text: "Carte de compétence de la CCQ obligatoire.", want: []string{"journeyperson-certificate"}},
	{name: "debit and credit payments", text: "Process debit and credit payments.", want: []string{"payment-processing"}},
	{name: "long-haul experience", text: "Minimum 2 years of long-haul experience.", want: []string{"long-haul-driving"}},
	{name: "in good standing with the CNO", text: "Registered Nurse in good standing with the CNO.", want: []string{"nursing-registration"}},
	{name: "scan tools", text: "Use scan tools to diagnose engine faults.", want: []string{"vehicle-diagnostics"}},
	{name: "clean up construction sites", text: "Clean up construction sites.", want: []string{"general-labour"}},
	{name: "office spaces and floor scrubbers", text: "Clean office spaces. Operate floor scrubbers and burnishers.", want: []string{"commercial-cleaning", "floor-care"}},
	{name: "written and verbal communication are two skills", text: "Excellent written and verbal communication skills.", want: []string{"written-communication", "oral-communication"}},
	{name: "communication orale et écrite are two skills FR", text: "Excellente communication orale et écrite.", want: []string{"written-communication", "oral-communication"}},
	{name: "a verb over a list of objects", text: "Clean offices, boardrooms and washrooms.", want: []string{"commercial-cleaning", "washroom-sanitation"}},
	{name: "a verb over a list of objects, serial comma", text: "Repair engines, transmissions, and brakes.", want: []string{"engine-repair", "brake-systems"}},
	{name: "CCTV cameras", text: "Monitor access control systems and CCTV cameras.", want: []string{"cctv-monitoring"}},
	// One-line postings without full stops: a benefits header inside the
	// sentence opens a sentence of its own.
	{name: "benefits header inside a run-on line", text: "Duties: stock shelves Benefits: employee discount", want: []string{"shelf-stocking"}},
	{name: "benefits header inside a run-on line FR", text: "Commis d'épicerie - Tâches : placer la marchandise, étiqueter les prix Exigences : disponible les fins de semaine Avantages : rabais employé",
		want: []string{"shelf-stocking", "price-marking", "shift-availability"}},
	{name: "benefits after a run-on header stay boilerplate", text: "Duties: stock shelves Benefits: employee discount, free first aid training", want: []string{"shelf-stocking"}, absent: []string{"first-aid-cpr"}},
	// Wordings just off a label, second probe.
	{name: "RCR à jour FR", text: "RCR et PDSB à jour.", want: []string{"first-aid-cpr", "safe-patient-handling"}},
	{name: "Teams beside virtual meetings", text: "Animer des réunions virtuelles sur Teams. Host virtual meetings on Teams.", want: []string{"ms-teams"}},
	{name: "bare FAST beside trucking words FR", text: "Permis de classe 1 requis, FAST et TMD un atout.", want: []string{"class-1-licence", "fast-card", "tdg"}, asset: []string{"fast-card", "tdg"}},
	{name: "feminine ponctuelle FR", text: "Être autonome, débrouillarde, ponctuelle et fiable.", want: []string{"independence", "punctuality", "reliability"}},
	{name: "verb forms of noun labels FR", text: "Nettoyer les tables et classer les documents.", want: []string{"food-counter-cleanliness", "filing-systems"}},
	{name: "verb forms of noun labels", text: "Book boardrooms and reconcile bank accounts.", want: []string{"room-booking", "bank-reconciliation"}},
	{name: "excel under pressure is no Excel", text: "Candidates who excel under pressure will thrive in our call centre.", want: []string{"work-under-pressure"}, absent: []string{"ms-excel"}},
	{name: "serve guests", text: "Team members serve guests at the front counter.", want: []string{"customer-service"}},
	{name: "encaisser les achats FR", text: "Servir les clients et encaisser les achats.", want: []string{"customer-service", "payment-processing"}},
	{name: "coordinated verbs over cashiers FR", text: "Superviser et former les caissières.", want: []string{"supervisory-skills", "hiring-and-training-staff"}},
	{name: "coordinated verbs over parcels FR", text: "Emballer et expédier les colis.", want: []string{"packaging", "shipping-and-receiving"}},
	{name: "residential and commercial wiring FR", text: "Câblage résidentiel et commercial.", want: []string{"residential-electrical", "commercial-electrical"}},
	{name: "training offered with its subject between FR", text: "Aucune expérience requise en entrepôt; formation sur le chariot élévateur offerte.", absent: []string{"forklift-operation"}},
	{name: "a trainer's duty is no training offered FR", text: "Offrir de la formation sur le chariot élévateur aux employés.", want: []string{"forklift-operation"}},
	{name: "building access and key log", text: "Grant building access to contractors and keep the key log up to date.", want: []string{"access-control", "key-control-parking"}, absent: []string{"ms-access"}},
	// A third probe (2026-12-07, evening): duties the job does not have,
	// French verbs as postings conjugate them, a programme's name.
	{name: "a negated duty", text: "You will not be handling cash in this back-of-house role; you will wash and chop vegetables.", want: []string{"food-preparation"}, absent: []string{"cash-handling"}},
	{name: "not only is no negation", text: "You will not only prepare meals but also handle cash at the counter.", want: []string{"cooking", "cash-handling"}},
	{name: "a negated duty FR", text: "Vous ne manipulerez pas d'argent : poste en cuisine, laver et couper les légumes.", want: []string{"food-preparation"}, absent: []string{"cash-handling"}},
	{name: "future tense FR", text: "Vous superviserez le personnel de plancher et formerez les nouveaux employés.", want: []string{"supervisory-skills", "hiring-and-training-staff"}},
	{name: "present and third person FR", text: "Vous préparez les commandes. Le titulaire supervisera le personnel.", want: []string{"order-picking", "supervisory-skills"}},
	{name: "a programme's name is no benefit", text: "Service Canada is hiring Citizen Services Officers to answer enquiries about Employment Insurance and Canada Pension Plan benefits.", want: []string{"customer-inquiries"}},
	{name: "a programme's name is no benefit FR", text: "Répondre aux questions sur l'assurance-emploi et le Régime de pensions du Canada.", want: []string{"customer-inquiries"}},
	{name: "tâche principale closes the benefits FR", text: "Avantages : horaire flexible, assurance dentaire et formation payée. Tâche principale : balayer et laver le plancher de la salle à manger.", want: []string{"floor-care"}, absent: []string{"shift-availability"}},
	{name: "appréciée is an asset FR", text: "Certification Smart Serve obligatoire. Connaissance d'un système de point de vente appréciée.", want: []string{"responsible-beverage-service", "pos-system"}, required: []string{"responsible-beverage-service"}, asset: []string{"pos-system"}},
	{name: "a school service centre is no help desk FR", text: "Le Centre de services scolaire des Navigateurs recrute un concierge de soir pour nettoyer les classes et cirer les corridors.", want: []string{"commercial-cleaning", "floor-care"}, absent: []string{"help-desk-support"}},
	// A fourth probe: variants of the issue's own traps.
	{name: "meetings on Teams", text: "Weekly meetings on Teams.", want: []string{"ms-teams"}},
	{name: "rencontres sur Teams FR", text: "Animer les rencontres hebdomadaires sur Teams.", want: []string{"ms-teams"}},
	{name: "C and C++ are two languages", text: "Experience with C and C++ on embedded Linux.", want: []string{"c-language", "cpp"}},
	{name: "C/C++ is two languages", text: "Strong C/C++ skills.", want: []string{"c-language", "cpp"}},
	{name: "not required after a colon FR", text: "Maîtrise de l'anglais : non obligatoire.", absent: []string{"english"}},
	{name: "not required after a colon", text: "French: not required. Forklift licence: required.", want: []string{"forklift-certification"}, absent: []string{"french"}, required: []string{"forklift-certification"}},
	{name: "an employer recruiting is no recruitment", text: "Northern Health is recruiting registered nurses for its Prince George hospital.", absent: []string{"recruitment"}},
	{name: "recruiting beside hiring words is", text: "Experience in recruiting and onboarding; screen candidates.", want: []string{"recruitment"}},
	{name: "Job Bank cooking duty with mets FR", text: "Préparer et cuire des mets individuels ou des repas complets.", want: []string{"cooking"}},
	{name: "lead a crew", text: "Lead a crew of five carpenters on residential sites.", want: []string{"leadership"}},
	{name: "observe children", text: "Observe children and document their development.", want: []string{"child-observation-documentation"}},
	{name: "confined space alone", text: "Training in Fall Protection and Confined Space.", want: []string{"confined-space"}},
	{name: "a licence with air brakes is the endorsement", text: "Preferred: Class 3 licence with air brakes. Must have WHMIS.", want: []string{"class-3-licence", "air-brake-endorsement", "whmis"}, absent: []string{"brake-systems"}, asset: []string{"class-3-licence", "air-brake-endorsement"}, required: []string{"whmis"}},
	{name: "repairing air brakes is brake work", text: "Repair air brakes and suspensions on heavy trucks.", want: []string{"brake-systems"}},
	// A fifth probe: employers announcing the job, irregular French futures.
	{name: "an employer's name before is looking for", text: "Tri-City Plumbing & Drain is looking for a receptionist to answer phones and greet customers.", want: []string{"telephone-skills", "customer-service"}, absent: []string{"plumbing-basics"}},
	{name: "an agency's name before is hiring", text: "Statistics Canada is hiring junior data analysts to produce tables using SAS and R.", want: []string{"statistical-software", "r-language"}, absent: []string{"statistics-knowledge"}},
	{name: "an employer's name before recrute FR", text: "Boulangerie Saint-Méthode recrute un technicien à la paie; traiter la paie hebdomadaire.", want: []string{"payroll"}, absent: []string{"baking"}},
	{name: "an employer's name before cherche FR", text: "Aménagement paysager Les Jardins du Nord cherche une adjointe pour rédiger la correspondance.", want: []string{"correspondence"}, absent: []string{"landscaping-labour"}},
	{name: "irregular futures FR", text: "Vous conduirez un autobus urbain et prendrez les rendez-vous.", want: []string{"passenger-transport", "calendar-management"}},
	{name: "an inline perks header ends at a duty", text: "Perks: free day-old bread, a staff discount and extended health benefits after three months. Shape baguettes and croissants and load the deck ovens starting at 5 a.m.", want: []string{"baking"}},
	{name: "an inline avantages header ends at a duty FR", text: "Avantages : repas gratuits, uniformes fournis et assurances collectives. Faire les lits et nettoyer les chambres et les salles de bain des clients.", want: []string{"housekeeping", "washroom-sanitation"}},
	{name: "an inline benefits header covers its list sentences", text: "Benefits: employee discount. Flexible schedule. Free first aid training.", absent: []string{"first-aid-cpr", "shift-availability"}},
	// A participle is a state of something, not the activity of a
	// one-word gerund label.
	{name: "payments received are not receiving", text: "Record payments received and post them to customer accounts.", absent: []string{"shipping-and-receiving"}},
	{name: "receiving is still receiving", text: "Receiving and shipping of goods at the warehouse dock.", want: []string{"shipping-and-receiving"}},
	// A duty's verb shared by objects of which only a later one makes a
	// label with it.
	{name: "a verb shared by a later object", text: "Disinfect patient rooms and operating rooms.", want: []string{"hospital-cleaning"}},
	{name: "a verb shared by a later object with articles FR", text: "Désinfecter les chambres d'isolement et les salles d'opération.", want: []string{"hospital-cleaning"}},
	// A duty's verb where the label names the action by its noun.
	{name: "contrôler les entrées is contrôle des entrées FR", text: "Contrôler les entrées et surveiller les caméras.", want: []string{"access-control", "cctv-monitoring"}},
	{name: "installer les solutés FR", text: "Installer et surveiller les solutés.", want: []string{"iv-therapy"}},
	{name: "animer des ateliers FR", text: "Animer des ateliers pour les parents.", want: []string{"group-facilitation"}},
	{name: "désinfecter les toilettes FR", text: "Désinfecter les toilettes.", want: []string{"washroom-sanitation"}},
	{name: "monitor alarm systems", text: "Monitor alarm systems.", want: []string{"cctv-monitoring"}},
	{name: "supervise outdoor play", text: "Supervise outdoor play.", want: []string{"child-safety-supervision"}},
	// Verbs of managing people take any job noun as their object.
	{name: "supervise and coach agents", text: "Supervise and coach 15 agents.", want: []string{"supervisory-skills", "coaching-and-mentoring"}},
	{name: "train new cooks", text: "As sous-chef you will train new cooks.", want: []string{"hiring-and-training-staff"}, absent: []string{"cooking"}},
	{name: "superviser une équipe de préposés FR", text: "Superviser une équipe de 10 préposés.", want: []string{"supervisory-skills"}},
	{name: "accompagner les stagiaires FR", text: "Accompagner les stagiaires.", want: []string{"coaching-and-mentoring"}},
	{name: "diriger les machinistes, former les opérateurs FR", text: "Diriger les machinistes et former les nouveaux opérateurs.", want: []string{"leadership", "hiring-and-training-staff"}},
	{name: "motiver les équipiers, planifier les horaires de la semaine FR", text: "Motiver les équipiers et planifier les horaires de la semaine.", want: []string{"leadership", "staff-scheduling"}},
	{name: "a motivated team is no motivating", text: "Join a motivated team of cooks.", absent: []string{"leadership"}},
	{name: "a job title is no leading", text: "Lead Developer wanted.", absent: []string{"leadership"}},
	// An inline company header ends at a sentence addressing the holder.
	{name: "an about-us header ends at you will", text: "About us: we build communication software for hospitals. You will write unit tests and review pull requests for our Kotlin Android app.", want: []string{"unit-testing", "code-review", "kotlin"}, absent: []string{"communication"}},
	// A bare "plus" adds an item; "a plus" is the asset cue.
	{name: "plus adds an item", text: "Strong knowledge of Python and Go, plus PostgreSQL and Redis.", want: []string{"postgresql", "redis"}, required: []string{"postgresql", "redis"}},
	{name: "a plus and Plus: are assets", text: "Python developer wanted. Redis is a plus. Plus: Docker.", want: []string{"redis", "docker"}, asset: []string{"redis", "docker"}},
	// An everyday word spelling a label's acronym or name is not it.
	{name: "fast-paced is no FAST card", text: "Our kitchen is fast-paced and fun. Cook and prepare meals.", want: []string{"cooking"}, absent: []string{"fast-card"}},
	{name: "a rail yard is no Rails", text: "Haul containers between the rail yard and the port.", absent: []string{"ruby"}},
	{name: "a FAST card is", text: "FAST card required for cross-border runs.", want: []string{"fast-card", "long-haul-driving"}},
	// A relative clause between an employer's name and its hiring verb
	// describes the employer.
	{name: "an employer's relative clause", text: "CWB Group, which certifies welding companies across Canada, needs an office clerk to answer phones.", want: []string{"telephone-skills"}, absent: []string{"welding-ticket", "welding-and-fabrication"}},
	{name: "an employer's relative clause FR", text: "Plomberie Gagnon, qui répare les chauffe-eau depuis 1980, recrute une réceptionniste pour prendre les appels.", want: []string{"telephone-skills"}, absent: []string{"plumbing-basics"}},
	// A twelfth probe: negations, people verbs, French blurbs.
	{name: "unnecessary negates", text: "A forklift licence is unnecessary. Load and unload trucks.", absent: []string{"forklift-certification"}},
	{name: "isn't required after a list", text: "Knowledge of HTML or CSS isn't required. Retouch product photos in Photoshop.", want: []string{"adobe-photoshop"}, absent: []string{"html-css"}},
	{name: "neither is negates", text: "Prior experience is not needed, and neither is WHMIS. Clean kennels daily.", absent: []string{"whmis"}},
	{name: "n'est pas requis FR", text: "Parler espagnol n'est pas requis, mais l'anglais est essentiel.", want: []string{"english"}, absent: []string{"spanish"}},
	{name: "direct three roofers", text: "Direct three roofers on residential jobs.", want: []string{"supervisory-skills"}},
	{name: "schedule and oversee the night auditors", text: "Schedule and oversee the night auditors.", want: []string{"staff-scheduling", "supervisory-skills"}},
	{name: "mobiliser une équipe FR", text: "Mobiliser et soutenir une équipe de 8 commis.", want: []string{"leadership"}},
	{name: "notre entreprise familiale is a blurb FR", text: "Notre entreprise familiale mise sur le service à la clientèle et le travail d'équipe. Conduire le camion de déménagement.", absent: []string{"customer-service", "teamwork"}},
	{name: "a name before needs", text: "Apex Heating & Air Conditioning needs a bookkeeper. Enter supplier invoices in QuickBooks.", want: []string{"quickbooks"}, absent: []string{"hvac-systems"}},
	{name: "futures of -oyer verbs FR", text: "Vous nettoierez les salles de bain. Le titulaire nettoiera la cuisine.", want: []string{"washroom-sanitation", "kitchen-sanitation"}},
	// A name introduced by "At …," or "Chez …," is the employer.
	{name: "at a name, comma", text: "At Lakeside Plumbing & Drains, you will answer phones and book appointments.", want: []string{"telephone-skills"}, absent: []string{"plumbing-basics"}},
	{name: "chez a name, comma FR", text: "Chez Boulangerie Martel, vous répondrez au téléphone.", want: []string{"telephone-skills"}, absent: []string{"baking"}},
	// A thirteenth probe: two shared words last, numbers before the
	// people managed, an employer's reputation.
	{name: "Class 5 or Class 3 licence", text: "Valid Class 5 or Class 3 licence required.", want: []string{"class-5-licence", "class-3-licence"}},
	{name: "supervise 20 to 40 event staff", text: "Supervise 20 to 40 event staff.", want: []string{"supervisory-skills"}},
	{name: "a reputation is a blurb", text: "Over 30 years we have built a reputation for creativity, reliability and teamwork. Answer phones.", want: []string{"telephone-skills"}, absent: []string{"teamwork"}},
	{name: "you will receive training is a benefit", text: "Benefits: staff discount. You will receive paid first aid training.", absent: []string{"first-aid-cpr"}},
	// The holder named in the third person opens a duty too; the employer
	// so named offers a benefit.
	{name: "the successful candidate will after benefits is a duty", text: "Benefits: dental plan, staff meals. The successful candidate will handle food preparation.", want: []string{"food-preparation"}},
	{name: "le cuisinier fera après les avantages est une tâche", text: "Avantages : repas gratuits, assurances. Le cuisinier fera la préparation des aliments.", want: []string{"food-preparation"}},
	{name: "the company will provide training is a benefit", text: "Benefits: dental plan. The company will provide first aid training.", absent: []string{"first-aid-cpr"}},
	{name: "you will prepare after perks is a duty", text: "Perks: free meals and a dental plan. You will prepare and cook meals.", want: []string{"cooking"}},
	// A fourteenth probe: French names with lower-case words before their
	// hiring verb; a capitalized name after "or" is no coordinated verb.
	{name: "a French name before cherche", text: "La Maison de soins palliatifs du Littoral cherche un cuisinier pour préparer des repas maison.", want: []string{"cooking"}, absent: []string{"palliative-care"}},
	{name: "a French name with inc. before recherche", text: "Services de comptabilité et paie Lavoie inc. recherche une réceptionniste pour répondre au téléphone.", want: []string{"telephone-skills"}, absent: []string{"payroll"}},
	{name: "needed is no hiring verb", text: "Line cook with food safety certification needed.", want: []string{"food-safety-certificate"}},
	{name: "a name after or is no coordinated verb", text: "Weekend availability is required. Experience with Shopify or Lightspeed is a plus.", want: []string{"shopify"}, asset: []string{"shopify"}},
	{name: "numbers coordinated inside a licence", text: "Drivers need a valid Class 1 or 3 licence.", want: []string{"class-1-licence", "class-3-licence"}},
	{name: "numbers coordinated by a slash", text: "Valid Class 1/3 licence required.", want: []string{"class-1-licence", "class-3-licence"}, required: []string{"class-1-licence", "class-3-licence"}},
	// Its vocabulary gaps, as duty lines of common occupations write them.
	{name: "assign daily tasks, build the weekly schedule", text: "Lead a team of 12 sales associates, assign daily tasks and build the weekly schedule.", want: []string{"delegation", "staff-scheduling"}},
	{name: "clean grills and work stations", text: "Cook meals to order and clean grills and work stations after each shift.", want: []string{"cooking", "kitchen-sanitation"}},
	{name: "load, unload and move goods", text: "Load, unload and move goods by hand or with pallet jacks.", want: []string{"loading-and-unloading", "material-handling"}},
	{name: "tâches d'éducatrice", text: "Noter les progrès de chaque enfant, en informer les parents et surveiller les enfants à l'extérieur.", want: []string{"child-observation-documentation", "family-communication", "child-safety-supervision"}},
	{name: "tâches de camionneur", text: "Inspecter le véhicule avant et après chaque voyage et remplir les documents de livraison.", want: []string{"safety-inspections-vehicles", "bills-of-lading"}},
	{name: "tâches de cuisinier", text: "Cuire les viandes et les légumes selon les recettes de la maison et désinfecter les plans de travail.", want: []string{"cooking", "recipe-following", "kitchen-sanitation"}},
	// A fifteenth probe: a label of two verbs no longer blocks the first
	// verb's own label; whom the employer serves is a blurb; Slack in French.
	{name: "réceptionner et vérifier la marchandise", text: "Réceptionner et vérifier la marchandise.", want: []string{"shipping-and-receiving"}},
	{name: "préparer et cuire des plats", text: "Préparer et cuire des plats du jour.", want: []string{"cooking"}},
	{name: "whom the firm serves is a blurb", text: "Notre cabinet accompagne les PME de la région en fiscalité. Vous ferez la tenue de livres.", want: []string{"bookkeeping"}, absent: []string{"taxation"}},
	{name: "our firm helps is a blurb", text: "Our firm helps small businesses with bookkeeping and payroll. You will process payroll.", want: []string{"payroll"}, absent: []string{"bookkeeping"}},
	{name: "Slack en français", text: "Communiquer avec l'équipe sur Slack.", want: []string{"slack"}},
	{name: "no right before a skill denies it", text: "Local day runs only - no cross-border trips and no overnight stays. A Class 1 licence is a must.", want: []string{"class-1-licence"}, absent: []string{"long-haul-driving"}},
	{name: "aucun devant une compétence la nie", text: "Aucune manipulation d'argent. Service à la clientèle requis.", want: []string{"customer-service"}, absent: []string{"cash-handling"}},
	{name: "le travail de l'équipe n'est pas le travail d'équipe", text: "Coordonner le travail de l'équipe de cuisine et former les commis.", want: []string{"supervisory-skills"}, absent: []string{"teamwork"}},
	// An eighteenth probe (2026-12-08): everyday wordings of skills the
	// taxonomy had only in other words.
	{name: "take minutes and log incidents", text: "Take minutes at meetings and log all incidents in the security log.", want: []string{"meeting-coordination", "incident-reporting"}},
	{name: "repair minor dents", text: "Repair minor dents and scratches on customer vehicles.", want: []string{"auto-body-repair"}},
	{name: "write content for the website", text: "Write content for our website and newsletter.", want: []string{"content-creation"}},
	{name: "keep the kitchen clean", text: "Keep the kitchen clean and organized at all times.", want: []string{"kitchen-sanitation"}},
	{name: "prepare month-end entries", text: "Prepare month-end entries and reconcile bank accounts.", want: []string{"month-end-close", "bank-reconciliation"}},
	{name: "good with people and numbers", text: "You are good with people, comfortable with computers and good with numbers.", want: []string{"interpersonal-skills", "digital-literacy", "numeracy"}},
	{name: "show up on time, type quickly", text: "Show up on time for every shift and be able to type quickly.", want: []string{"punctuality", "typing"}},
	{name: "home support in everyday words", text: "Do light cleaning, keep them company and drive them to doctor's appointments.", want: []string{"light-housekeeping", "companionship", "client-transportation"}},
	{name: "co-ordinate the activities of sales staff", text: "Co-ordinate the activities of sales staff.", want: []string{"team-supervision-retail"}},
	{name: "co-ordinate as coordinate", text: "Supervise, co-ordinate and schedule the activities of staff.", want: []string{"supervisory-skills"}},
	{name: "soutenir les utilisateurs", text: "Soutenir les utilisateurs au téléphone et en personne.", want: []string{"help-desk-support"}},
	{name: "commander des provisions", text: "Commander des provisions et de l'équipement.", want: []string{"ordering-and-purchasing"}},
	{name: "discuter avec les parents", text: "Discuter avec les parents des progrès de leur enfant.", want: []string{"family-communication"}},
	{name: "membre en règle de l'OIIAQ", text: "Être membre en règle de l'OIIAQ.", want: []string{"lpn-registration"}},
	{name: "bien connaître les produits, bon avec les chiffres", text: "Bien connaître les produits et être bon avec les chiffres.", want: []string{"product-knowledge", "numeracy"}},
	// A nineteenth probe (2026-12-08).
	{name: "what the employer values is a blurb", text: "At Maple Co. we value communication, integrity and teamwork. Duties: data entry.", want: []string{"data-entry"}, absent: []string{"communication", "integrity", "teamwork"}},
	{name: "valuing one another is a blurb that asks nothing away", text: "A culture where we value and appreciate each other. Experience with Kubernetes required.", want: []string{"kubernetes"}},
	{name: "a list of capitalized tools shares its asset cue", text: "Familiarity with Docker, Kubernetes and Terraform is an asset.", want: []string{"docker", "kubernetes", "terraform"}, asset: []string{"docker", "kubernetes", "terraform"}},
	{name: "a verb over a list after a longer first object", text: "Design print ads, flyers and social posts.", want: []string{"graphic-design"}},
	{name: "five coordinated duty verbs", text: "Measure, cut, shape, assemble and join materials.", want: []string{"measuring-and-layout"}},
	{name: "co-ordinate and schedule the activities of staff", text: "Supervise, co-ordinate and schedule the activities of staff.", want: []string{"supervisory-skills", "staff-scheduling"}},
	{name: "co-innovation is no innovation", text: "Our global co-innovation studios deliver design co-creation.", absent: []string{"creativity"}},
}
