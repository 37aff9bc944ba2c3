//! The French sample: the English one with every user-visible text in French, as a French
//! IT project manager ("chef de projet SI") writes it. Ids, codes, dates, amounts and links are
//! untouched, so both samples schedule and trace alike. A text without a translation stops the
//! generator: the two samples cannot drift apart.

use std::collections::HashMap;

use pilote::model::Project;

/// Names of people and companies, and codes, which read the same in French.
const KEEP: &[&str] = &[
    "Claire Martin",
    "Julien Bernard",
    "Sophie Dubois",
    "Karim Haddad",
    "Émilie Leroy",
    "Thomas Petit",
    "Nadia Benali",
    "Lucas Moreau",
    "Hugo Lambert",
    "Inès Garcia",
    "Marc Rousseau",
    "Hélène Fournier",
    "Integris Conseil",
    "Standard (France)",
    "ERP",
    "SQL",
    "Web",
    "Architecture",
    "Finance",
];

const FR: &[(&str, &str)] = &[
    // The project.
    (
        "ERP roll-out — Valmont Industries",
        "Déploiement ERP — Valmont Industries",
    ),
    (
        "Valmont Industries — Finance and Operations Department",
        "Valmont Industries — Direction administrative et financière",
    ),
    (
        "Hélène Fournier, Chief Financial Officer",
        "Hélène Fournier, directrice administrative et financière",
    ),
    (
        "Replace the ageing in-house management system of a 450-employee manufacturer with an integrated ERP (finance, procurement, sales, inventory), interfaced with the bank, payroll, the e-commerce site and the data warehouse. Integrator: Integris Conseil.",
        "Remplacer la gestion commerciale et comptable développée en interne, vieillissante, d'un industriel de 450 salariés par un ERP intégré (finance, achats, ventes, stocks), interfacé avec la banque, la paie, le site e-commerce et l'entrepôt de données. Intégrateur : Integris Conseil.",
    ),
    (
        "Part time (Wednesdays off)",
        "Temps partiel (mercredi non travaillé)",
    ),
    // The plan.
    ("Framing", "Cadrage"),
    ("Kick-off meeting", "Réunion de lancement"),
    (
        "Kick-off with the steering committee members; the integrator joins once contracted, in March.",
        "Lancement avec les membres du comité de pilotage ; l'intégrateur rejoint le projet une fois le contrat signé, en mars.",
    ),
    (
        "Stakeholder interviews",
        "Entretiens avec les parties prenantes",
    ),
    (
        "As-is process mapping",
        "Cartographie des processus existants",
    ),
    ("Risk analysis", "Analyse des risques"),
    ("Business case and budget", "Étude d'opportunité et budget"),
    (
        "Integrator selection (RFP)",
        "Choix de l'intégrateur (appel d'offres)",
    ),
    ("Integrator contracted", "Contrat intégrateur signé"),
    (
        "Project charter and governance",
        "Note de cadrage et gouvernance",
    ),
    ("Framing signed off (COPIL 1)", "Cadrage validé (COPIL 1)"),
    ("Specifications", "Spécifications"),
    ("Functional specifications", "Spécifications fonctionnelles"),
    (
        "Finance and accounting workshops",
        "Ateliers finance et comptabilité",
    ),
    ("Procurement workshops", "Ateliers achats"),
    (
        "Sales and CRM workshops",
        "Ateliers ventes et relation client",
    ),
    (
        "Inventory and logistics workshops",
        "Ateliers stocks et logistique",
    ),
    ("Payroll interface workshops", "Ateliers interface de paie"),
    (
        "Write the functional specification",
        "Rédaction des spécifications fonctionnelles",
    ),
    (
        "Project owner review of the functional specification",
        "Relecture des spécifications fonctionnelles par la MOA",
    ),
    (
        "Functional specification validated",
        "Spécifications fonctionnelles validées",
    ),
    ("Technical specifications", "Spécifications techniques"),
    ("Target architecture", "Architecture cible"),
    ("Interface catalogue", "Catalogue des interfaces"),
    (
        "Data migration strategy",
        "Stratégie de reprise des données",
    ),
    (
        "Security and access model",
        "Modèle de sécurité et d'habilitations",
    ),
    (
        "Write the technical specification",
        "Rédaction des spécifications techniques",
    ),
    (
        "Technical specification validated",
        "Spécifications techniques validées",
    ),
    (
        "Specifications signed off (COPIL 2)",
        "Spécifications validées (COPIL 2)",
    ),
    ("Build", "Réalisation"),
    ("Environments", "Environnements"),
    (
        "Provision development and test environments",
        "Mise à disposition des environnements de développement et de test",
    ),
    (
        "Provision pre-production and production",
        "Mise à disposition de la préproduction et de la production",
    ),
    ("Environments ready", "Environnements prêts"),
    ("Configuration", "Paramétrage"),
    (
        "Finance module configuration",
        "Paramétrage du module finance",
    ),
    (
        "Procurement module configuration",
        "Paramétrage du module achats",
    ),
    ("Sales module configuration", "Paramétrage du module ventes"),
    (
        "Inventory module configuration",
        "Paramétrage du module stocks",
    ),
    (
        "Reporting and analytics configuration",
        "Paramétrage du reporting et de l'analytique",
    ),
    ("Specific developments", "Développements spécifiques"),
    ("Custom financial reports", "États financiers spécifiques"),
    (
        "Purchase approval workflow",
        "Circuit de validation des achats",
    ),
    ("Customer portal extension", "Extension du portail client"),
    ("Document management connector", "Connecteur GED"),
    ("Interfaces", "Interfaces"),
    ("Bank interface (EBICS)", "Interface bancaire (EBICS)"),
    ("Payroll interface", "Interface de paie"),
    ("E-commerce interface", "Interface e-commerce"),
    (
        "Data warehouse feed",
        "Alimentation de l'entrepôt de données",
    ),
    ("Data migration", "Reprise des données"),
    ("Extraction scripts", "Scripts d'extraction"),
    (
        "Data cleansing with the business",
        "Nettoyage des données avec les métiers",
    ),
    ("Migration dry run 1", "Reprise à blanc n° 1"),
    (
        "Unit tests by the integrator",
        "Tests unitaires de l'intégrateur",
    ),
    (
        "Build complete: release V1 delivered",
        "Fin de réalisation : livraison de la V1",
    ),
    ("Tests and acceptance", "Tests et recette"),
    ("Test strategy and plan", "Stratégie et plan de test"),
    ("Integration tests", "Tests d'intégration"),
    ("Load tests", "Tests de charge"),
    (
        "Security audit (penetration test)",
        "Audit de sécurité (test d'intrusion)",
    ),
    ("Migration dry run 2", "Reprise à blanc n° 2"),
    (
        "User acceptance campaign 1",
        "Campagne de recette utilisateur n° 1",
    ),
    (
        "Anomaly correction sprint",
        "Sprint de correction des anomalies",
    ),
    ("Non-regression tests", "Tests de non-régression"),
    (
        "User acceptance campaign 2",
        "Campagne de recette utilisateur n° 2",
    ),
    (
        "Acceptance pronounced (COPIL 5)",
        "Recette prononcée (COPIL 5)",
    ),
    ("Deployment", "Déploiement"),
    ("Training", "Formation"),
    ("Train the trainers", "Formation des formateurs"),
    (
        "End-user training sessions",
        "Sessions de formation des utilisateurs",
    ),
    ("Users trained", "Utilisateurs formés"),
    ("Cutover", "Bascule"),
    (
        "Cutover plan and rehearsal",
        "Plan de bascule et répétition",
    ),
    (
        "Go / no-go decision (COPIL 6)",
        "Décision go / no go (COPIL 6)",
    ),
    ("Final data migration", "Reprise définitive des données"),
    ("Go-live", "Mise en production"),
    (
        "Go-live must happen before the fiscal year closing of March 2027.",
        "La mise en production doit précéder la clôture de l'exercice de mars 2027.",
    ),
    ("Hypercare", "Support renforcé"),
    (
        "Decommission the legacy system",
        "Décommissionnement de l'ancien système",
    ),
    ("Project closure report", "Bilan de clôture du projet"),
    ("Project closed", "Projet clos"),
    // Skills, teams and roles.
    ("Business acceptance", "Recette métier"),
    ("Data migration", "Reprise des données"),
    ("Project management", "Gestion de projet"),
    ("Business analysis", "Analyse métier"),
    ("Supply chain", "Supply chain"),
    ("Security", "Sécurité"),
    ("Integration", "Intégration"),
    ("Testing", "Tests"),
    ("Change management", "Conduite du changement"),
    ("IT department", "DSI"),
    ("Operations", "Opérations"),
    ("Human resources", "Ressources humaines"),
    ("Business", "Métiers"),
    ("Project manager", "Cheffe de projet"),
    ("Business analyst (finance)", "Analyste métier (finance)"),
    (
        "Business analyst (supply chain)",
        "Analyste métier (supply chain)",
    ),
    ("Solution architect", "Architecte solution"),
    ("Test manager", "Responsable recette"),
    (
        "Data migration lead",
        "Responsable de la reprise des données",
    ),
    (
        "Trainer and change manager",
        "Formatrice, conduite du changement",
    ),
    ("ERP functional consultant", "Consultant fonctionnel ERP"),
    ("ERP developer", "Développeur ERP"),
    ("Integration engineer", "Ingénieur intégration"),
    ("Key users", "Utilisateurs clés"),
    (
        "Key users (three people)",
        "Utilisateurs clés (trois personnes)",
    ),
    ("Summer holiday", "Congés d'été"),
    // Costs, budget and baselines.
    (
        "ERP licences (perpetual, 120 users)",
        "Licences ERP (perpétuelles, 120 utilisateurs)",
    ),
    (
        "Cloud hosting, first year",
        "Hébergement cloud, première année",
    ),
    (
        "Penetration test (CyberAudit)",
        "Test d'intrusion (CyberAudit)",
    ),
    (
        "Training rooms and materials",
        "Salles et supports de formation",
    ),
    ("Integrator travel", "Déplacements de l'intégrateur"),
    (
        "Annual ERP maintenance (year 1)",
        "Maintenance annuelle de l'ERP (année 1)",
    ),
    ("Management reserve", "Provision pour risques"),
    ("Signed-off plan (COPIL 1)", "Planning validé (COPIL 1)"),
    (
        "Re-plan after design (COPIL 2)",
        "Replanification après conception (COPIL 2)",
    ),
    ("Build review (COPIL 3)", "Revue de réalisation (COPIL 3)"),
    // Requirements.
    (
        "General ledger with French chart of accounts (PCG)",
        "Comptabilité générale sur le plan comptable général (PCG)",
    ),
    (
        "Automated bank reconciliation",
        "Rapprochement bancaire automatisé",
    ),
    (
        "Month-end closing in five working days",
        "Clôture mensuelle en cinq jours ouvrés",
    ),
    (
        "Fixed-asset register and depreciation",
        "Registre des immobilisations et amortissements",
    ),
    (
        "Purchase requisitions with two-level approval",
        "Demandes d'achat avec validation à deux niveaux",
    ),
    (
        "Supplier catalogue and framework agreements",
        "Catalogue fournisseurs et contrats-cadres",
    ),
    (
        "Three-way matching of invoices",
        "Rapprochement facture, commande et réception",
    ),
    (
        "Sales quotes, orders and invoicing",
        "Devis, commandes et facturation clients",
    ),
    ("Customer credit limits", "Encours autorisé des clients"),
    (
        "Customer portal: order tracking",
        "Portail client : suivi des commandes",
    ),
    (
        "Multi-warehouse stock with lot tracking",
        "Stocks multi-entrepôts avec suivi des lots",
    ),
    ("Cycle counting", "Inventaire tournant"),
    (
        "Replenishment proposals",
        "Propositions de réapprovisionnement",
    ),
    (
        "E-commerce orders imported every 15 minutes",
        "Commandes e-commerce intégrées toutes les 15 minutes",
    ),
    (
        "Payroll journal posted automatically",
        "Journal de paie comptabilisé automatiquement",
    ),
    (
        "Management dashboards (sales, margin, cash)",
        "Tableaux de bord de direction (ventes, marge, trésorerie)",
    ),
    (
        "Data warehouse daily feed",
        "Alimentation quotidienne de l'entrepôt de données",
    ),
    (
        "Electronic document archiving (invoices)",
        "Archivage électronique des factures",
    ),
    (
        "Electronic invoicing (French 2026 reform)",
        "Facturation électronique (réforme 2026)",
    ),
    (
        "Open balances and 3 years of history migrated",
        "Reprise des soldes ouverts et de 3 ans d'historique",
    ),
    (
        "Single sign-on with the corporate directory",
        "Authentification unique avec l'annuaire de l'entreprise",
    ),
    (
        "Role-based access with segregation of duties",
        "Habilitations par rôle avec séparation des tâches",
    ),
    (
        "200 concurrent users, p95 response under 2 s",
        "200 utilisateurs simultanés, temps de réponse p95 inférieur à 2 s",
    ),
    (
        "99.5 % availability in business hours",
        "Disponibilité de 99,5 % aux heures ouvrées",
    ),
    (
        "Daily backups, 4-hour restore",
        "Sauvegarde quotidienne, restauration en 4 heures",
    ),
    ("Hosting in the EU (GDPR)", "Hébergement dans l'UE (RGPD)"),
    (
        "Audit trail of accounting entries",
        "Piste d'audit des écritures comptables",
    ),
    (
        "Interfaces monitored with alerting",
        "Supervision des interfaces avec alertes",
    ),
    (
        "French and English user interface",
        "Interface utilisateur en français et en anglais",
    ),
    (
        "Penetration test without critical findings",
        "Test d'intrusion sans vulnérabilité critique",
    ),
    ("Procurement", "Achats"),
    ("Sales", "Ventes"),
    ("Logistics", "Logistique"),
    ("HR", "RH"),
    ("Management", "Direction générale"),
    ("Internal audit", "Audit interne"),
    ("Legal", "Juridique"),
    // Deliverables.
    ("Project charter", "Note de cadrage"),
    (
        "Signed by the sponsor after COPIL 1.",
        "Signée par la directrice financière après le COPIL 1.",
    ),
    (
        "Version 1.0 refused: month-end closing rules missing.",
        "Version 1.0 refusée : les règles de clôture mensuelle manquent.",
    ),
    (
        "Version 2.0 approved by the sponsor on the key users' review.",
        "Version 2.0 approuvée par la directrice financière après relecture des utilisateurs clés.",
    ),
    (
        "Approved after the architecture review with the integrator.",
        "Approuvées après la revue d'architecture avec l'intégrateur.",
    ),
    (
        "Approved by the business: scope and acceptance criteria agreed.",
        "Approuvés par les métiers : périmètre et critères d'acceptation arrêtés.",
    ),
    (
        "Functional specification (SFG)",
        "Spécifications fonctionnelles générales (SFG)",
    ),
    (
        "Technical specification (STG)",
        "Spécifications techniques générales (STG)",
    ),
    ("ERP release V1", "Version V1 de l'ERP"),
    (
        "Accepted at the integration test review with two blocking anomalies open: ANO-003 on the customer portal and ANO-007 on purchase approvals.",
        "Acceptée à la revue des tests d'intégration avec deux anomalies bloquantes ouvertes : ANO-003 sur le portail client et ANO-007 sur la validation des achats.",
    ),
    (
        "Interface package (bank, payroll, e-commerce, BI)",
        "Lot d'interfaces (banque, paie, e-commerce, BI)",
    ),
    ("Data migration scripts", "Scripts de reprise des données"),
    ("Integration test report", "Rapport des tests d'intégration"),
    (
        "Acceptance report (PV de recette)",
        "Procès-verbal de recette",
    ),
    ("Training materials", "Supports de formation"),
    ("User guides", "Guides utilisateur"),
    ("Cutover plan", "Plan de bascule"),
    ("Production environment", "Environnement de production"),
    ("Hypercare report", "Bilan du support renforcé"),
    // Test cases.
    (
        "Post a manual journal entry",
        "Saisir une écriture manuelle",
    ),
    (
        "Import a bank statement and reconcile",
        "Importer un relevé bancaire et le rapprocher",
    ),
    ("Run month-end closing", "Réaliser la clôture mensuelle"),
    ("Depreciate a fixed asset", "Amortir une immobilisation"),
    (
        "Approve a purchase requisition (two levels)",
        "Valider une demande d'achat (deux niveaux)",
    ),
    (
        "Order from a framework agreement",
        "Commander sur un contrat-cadre",
    ),
    (
        "Match invoice, order and receipt",
        "Rapprocher facture, commande et réception",
    ),
    (
        "Convert a quote into an order",
        "Transformer un devis en commande",
    ),
    (
        "Block an order over the credit limit",
        "Bloquer une commande au-delà de l'encours autorisé",
    ),
    (
        "Track an order in the customer portal",
        "Suivre une commande sur le portail client",
    ),
    (
        "Receive a lot into a second warehouse",
        "Réceptionner un lot dans un second entrepôt",
    ),
    ("Run a cycle count", "Réaliser un inventaire tournant"),
    (
        "Generate replenishment proposals",
        "Générer les propositions de réapprovisionnement",
    ),
    (
        "Import e-commerce orders",
        "Intégrer les commandes e-commerce",
    ),
    (
        "Post the payroll journal",
        "Comptabiliser le journal de paie",
    ),
    (
        "Open the sales dashboard",
        "Ouvrir le tableau de bord des ventes",
    ),
    (
        "Check the data warehouse feed",
        "Contrôler l'alimentation de l'entrepôt de données",
    ),
    (
        "Archive a supplier invoice",
        "Archiver une facture fournisseur",
    ),
    (
        "Issue an electronic invoice",
        "Émettre une facture électronique",
    ),
    (
        "Check migrated open balances",
        "Contrôler les soldes ouverts repris",
    ),
    (
        "Log in with single sign-on",
        "Se connecter par authentification unique",
    ),
    (
        "Refuse a forbidden transaction (segregation of duties)",
        "Refuser une opération interdite (séparation des tâches)",
    ),
    (
        "Restore yesterday's backup",
        "Restaurer la sauvegarde de la veille",
    ),
    (
        "Alert on a failed interface run",
        "Alerter sur l'échec d'une interface",
    ),
    (
        "Switch the interface to English",
        "Passer l'interface en anglais",
    ),
    ("Audit trail of an entry", "Piste d'audit d'une écriture"),
    (
        "End-to-end order to cash",
        "De bout en bout : de la commande à l'encaissement",
    ),
    (
        "End-to-end procure to pay",
        "De bout en bout : de l'achat au paiement",
    ),
    (
        "End-to-end record to report",
        "De bout en bout : de l'écriture au reporting",
    ),
    (
        "Month-end closing by key users",
        "Clôture mensuelle par les utilisateurs clés",
    ),
    ("Credit note and refund", "Avoir et remboursement"),
    (
        "Inventory valuation report",
        "État de valorisation des stocks",
    ),
    (
        "Supplier payment run (SEPA)",
        "Campagne de règlement fournisseurs (SEPA)",
    ),
    ("Customer dunning letters", "Lettres de relance clients"),
    (
        "Year-end closing simulation",
        "Simulation de clôture annuelle",
    ),
    (
        "Migrated customer history visible",
        "Historique client repris consultable",
    ),
    ("Print delivery notes", "Imprimer les bons de livraison"),
    (
        "Portal password reset",
        "Réinitialiser un mot de passe du portail",
    ),
    (
        "Load: 200 users order entry",
        "Charge : saisie de commandes par 200 utilisateurs",
    ),
    (
        "Load: nightly batch window",
        "Charge : fenêtre des traitements de nuit",
    ),
    (
        "Log in as a key user of the process",
        "Se connecter en tant qu'utilisateur clé du processus",
    ),
    (
        "Check the resulting documents and postings",
        "Contrôler les documents et les écritures produits",
    ),
    (
        "The result matches the functional specification; no error is shown.",
        "Le résultat est conforme aux spécifications fonctionnelles ; aucune erreur n'est affichée.",
    ),
    (
        "The result matches the technical specification.",
        "Le résultat est conforme aux spécifications techniques.",
    ),
    (
        "Open the ERP from a workstation joined to the corporate directory",
        "Ouvrir l'ERP depuis un poste rattaché à l'annuaire de l'entreprise",
    ),
    (
        "Check that no second password is asked",
        "Vérifier qu'aucun second mot de passe n'est demandé",
    ),
    (
        "Disable the account in the directory and check that access is refused",
        "Désactiver le compte dans l'annuaire et vérifier que l'accès est refusé",
    ),
    (
        "Log in as a purchasing clerk",
        "Se connecter en tant qu'acheteur",
    ),
    (
        "Try to approve a supplier payment",
        "Tenter de valider un règlement fournisseur",
    ),
    (
        "Check that it is refused and logged",
        "Vérifier que l'opération est refusée et tracée",
    ),
    (
        "Take the backup of the previous night",
        "Prendre la sauvegarde de la nuit précédente",
    ),
    (
        "Restore it on the pre-production environment",
        "La restaurer sur l'environnement de préproduction",
    ),
    (
        "Time the restore and check the last entries of the day before",
        "Chronométrer la restauration et contrôler les dernières saisies de la veille",
    ),
    (
        "Stop the e-commerce interface during an exchange",
        "Arrêter l'interface e-commerce pendant un échange",
    ),
    (
        "Check that the operations team receives the alert",
        "Vérifier que l'équipe d'exploitation reçoit l'alerte",
    ),
    (
        "Restart the interface and check the catch-up",
        "Relancer l'interface et contrôler le rattrapage",
    ),
    (
        "Set the user's language to English",
        "Passer la langue de l'utilisateur en anglais",
    ),
    (
        "Open the main screens, reports and documents",
        "Ouvrir les principaux écrans, états et documents",
    ),
    (
        "Check that no label remains in French",
        "Vérifier qu'aucun libellé ne reste en français",
    ),
    (
        "Post, then correct an accounting entry",
        "Saisir puis corriger une écriture comptable",
    ),
    (
        "Open the entry's audit trail",
        "Ouvrir la piste d'audit de l'écriture",
    ),
    (
        "Check who changed what, and when",
        "Vérifier qui a modifié quoi, et quand",
    ),
    (
        "Start the order-entry scenario with 200 virtual users",
        "Lancer le scénario de saisie de commandes avec 200 utilisateurs virtuels",
    ),
    (
        "Hold the load for one hour",
        "Maintenir la charge pendant une heure",
    ),
    (
        "Measure throughput and the 95th percentile of response times",
        "Mesurer le débit et le 95e centile des temps de réponse",
    ),
    (
        "Run the nightly chain on production-sized data",
        "Exécuter la chaîne de nuit sur une volumétrie de production",
    ),
    (
        "Time each job (interfaces, closing jobs, data warehouse feed)",
        "Chronométrer chaque traitement (interfaces, traitements de clôture, alimentation de l'entrepôt de données)",
    ),
    (
        "Compare the end time with the batch window",
        "Comparer l'heure de fin à la fenêtre de traitement",
    ),
    // Campaigns, runs and anomalies.
    ("Test (TST)", "Test (TST)"),
    (
        "User acceptance, campaign 1",
        "Recette utilisateur, campagne n° 1",
    ),
    ("Pre-production (PRE)", "Préproduction (PPR)"),
    (
        "Retest after correction",
        "Nouveau passage après correction",
    ),
    (
        "Order entry, 200 concurrent users",
        "Saisie de commandes, 200 utilisateurs simultanés",
    ),
    (
        "Nightly batch (interfaces and closing jobs)",
        "Traitements de nuit (interfaces et clôture)",
    ),
    (
        "Bank statement import rejects CAMT.053 files with long remittance texts",
        "L'import des relevés bancaires rejette les fichiers CAMT.053 aux libellés de remise longs",
    ),
    (
        "Month-end closing blocked by an unposted payroll batch",
        "Clôture mensuelle bloquée par un lot de paie non comptabilisé",
    ),
    (
        "Customer portal shows orders of other customers after session timeout",
        "Le portail client affiche les commandes d'autres clients après expiration de la session",
    ),
    (
        "Credit limit check ignores open deliveries",
        "Le contrôle d'encours ignore les livraisons non facturées",
    ),
    (
        "Cycle count report truncates lot numbers",
        "L'état d'inventaire tournant tronque les numéros de lot",
    ),
    (
        "E-commerce import duplicates orders when the feed is late",
        "L'intégration e-commerce duplique les commandes quand le flux arrive en retard",
    ),
    (
        "Purchase approval e-mails not sent to the second approver",
        "Courriels de validation d'achat non envoyés au second valideur",
    ),
    (
        "English labels missing on the invoice layout",
        "Libellés anglais manquants sur la maquette de facture",
    ),
    (
        "Migrated customer balances differ by rounding on 12 accounts",
        "Soldes clients repris en écart d'arrondi sur 12 comptes",
    ),
    (
        "Nightly batch exceeds its window by 40 minutes",
        "Les traitements de nuit dépassent leur fenêtre de 40 minutes",
    ),
    (
        "Dunning letter uses the wrong legal mention",
        "La lettre de relance porte une mention légale erronée",
    ),
    // Risks.
    (
        "Key users not available during acceptance (year-end closing)",
        "Utilisateurs clés indisponibles pendant la recette (clôture annuelle)",
    ),
    (
        "Book key users' time with their managers; back-fill with temporary staff",
        "Réserver le temps des utilisateurs clés auprès de leurs managers ; renfort d'intérimaires",
    ),
    (
        "Extend acceptance by two weeks",
        "Prolonger la recette de deux semaines",
    ),
    (
        "Data quality of the legacy system worse than assumed",
        "Qualité des données de l'ancien système moins bonne que prévu",
    ),
    (
        "Cleansing workshops with the business before dry run 2",
        "Ateliers de nettoyage avec les métiers avant la reprise à blanc n° 2",
    ),
    (
        "Add a third migration dry run",
        "Ajouter une troisième reprise à blanc",
    ),
    (
        "Integrator staff turnover",
        "Rotation des équipes de l'intégrateur",
    ),
    (
        "Key-person clause in the contract",
        "Clause d'intuitu personae dans le contrat",
    ),
    (
        "Escalate to the integrator's director",
        "Escalade auprès du directeur de l'intégrateur",
    ),
    (
        "Customer portal security flaws delay go-live",
        "Failles de sécurité du portail client retardant la mise en production",
    ),
    (
        "Early penetration test of the portal",
        "Test d'intrusion anticipé du portail",
    ),
    (
        "Go live without the portal, deliver it later",
        "Démarrer sans le portail et le livrer ensuite",
    ),
    (
        "Electronic invoicing rules change before go-live",
        "Évolution des règles de facturation électronique avant le démarrage",
    ),
    (
        "Follow the tax administration's calendar",
        "Suivre le calendrier de l'administration fiscale",
    ),
    (
        "Use the platform's standard connector",
        "Utiliser le connecteur standard de la plateforme",
    ),
    (
        "Budget overrun on the test phase",
        "Dépassement budgétaire de la phase de test",
    ),
    (
        "Weekly anomaly triage; cap the correction sprint",
        "Revue hebdomadaire des anomalies ; plafonner le sprint de correction",
    ),
    (
        "Use the management reserve",
        "Mobiliser la provision pour risques",
    ),
    (
        "Resistance to change in the warehouses",
        "Résistance au changement dans les entrepôts",
    ),
    (
        "Involve warehouse leaders in acceptance",
        "Associer les chefs d'entrepôt à la recette",
    ),
    (
        "Extra on-site coaching after go-live",
        "Accompagnement sur site renforcé après le démarrage",
    ),
    (
        "Interface with the bank not certified in time",
        "Interface bancaire non homologuée à temps",
    ),
    (
        "Start certification during integration",
        "Engager l'homologation dès l'intégration",
    ),
    (
        "Manual file transfer for one month",
        "Transfert manuel des fichiers pendant un mois",
    ),
    (
        "Performance under month-end load",
        "Performances sous la charge de fin de mois",
    ),
    (
        "Load tests on production-sized data",
        "Tests de charge sur une volumétrie de production",
    ),
    (
        "Scale up the database tier",
        "Augmenter la capacité du serveur de base de données",
    ),
    (
        "Go-live slips past the fiscal year closing",
        "Mise en production repoussée au-delà de la clôture de l'exercice",
    ),
    (
        "Protect the critical path; weekly project committee in the test phase",
        "Protéger le chemin critique ; comité de projet hebdomadaire pendant la phase de test",
    ),
    (
        "Go live on 1 April with a parallel run",
        "Démarrer le 1er avril avec un fonctionnement en parallèle",
    ),
    (
        "Licence count insufficient after go-live",
        "Nombre de licences insuffisant après le démarrage",
    ),
    (
        "Count named users per department",
        "Recenser les utilisateurs nommés par service",
    ),
    ("Buy an extension pack", "Acheter un pack d'extension"),
    (
        "Loss of legacy system knowledge (retiring developer)",
        "Perte de la connaissance de l'ancien système (départ en retraite du développeur)",
    ),
    (
        "Document the extraction rules",
        "Documenter les règles d'extraction",
    ),
    (
        "Short consulting contract after retirement",
        "Courte mission de conseil après le départ en retraite",
    ),
    // Steering committees.
    (
        "COPIL 1 — framing sign-off",
        "COPIL 1 — validation du cadrage",
    ),
    (
        "COPIL 2 — specifications sign-off",
        "COPIL 2 — validation des spécifications",
    ),
    ("COPIL 3 — build review", "COPIL 3 — revue de réalisation"),
    (
        "COPIL 4 — test phase status",
        "COPIL 4 — point sur la phase de test",
    ),
    ("Hélène Fournier (sponsor)", "Hélène Fournier (sponsor)"),
    (
        "Claire Martin (project manager)",
        "Claire Martin (cheffe de projet)",
    ),
    ("Julien Bernard (finance)", "Julien Bernard (finance)"),
    ("Sophie Dubois (operations)", "Sophie Dubois (opérations)"),
    (
        "Paul Girard (Integris Conseil, engagement director)",
        "Paul Girard (Integris Conseil, directeur de mission)",
    ),
    (
        "Progress against the plan and the dashboard",
        "Avancement par rapport au planning et tableau de bord",
    ),
    ("Budget and forecast", "Budget et reste à faire"),
    (
        "Risks, anomalies and open actions",
        "Risques, anomalies et actions en cours",
    ),
    ("Decisions", "Décisions"),
    ("Steering committee", "Comité de pilotage"),
    (
        "Framing complete. Business case approved at 1.1 M€ over two years. Integris Conseil selected after the RFP.",
        "Cadrage terminé. Étude d'opportunité approuvée pour 1,1 M€ sur deux ans. Integris Conseil retenu à l'issue de l'appel d'offres.",
    ),
    (
        "Launch the specification phase on 13 March",
        "Lancer la phase de spécifications le 13 mars",
    ),
    (
        "Budget of 1.1 M€ approved, with a 40 k€ management reserve",
        "Budget de 1,1 M€ approuvé, dont 40 k€ de provision pour risques",
    ),
    (
        "Send the signed contract to Integris Conseil",
        "Envoyer le contrat signé à Integris Conseil",
    ),
    (
        "Name the key users per department",
        "Désigner les utilisateurs clés de chaque service",
    ),
    (
        "Functional specification validated in version 2.0 after one refusal; technical specification validated. Summer plan agreed.",
        "Spécifications fonctionnelles validées en version 2.0 après un refus ; spécifications techniques validées. Organisation de l'été arrêtée.",
    ),
    (
        "Specifications signed off; the build phase starts",
        "Spécifications validées ; la phase de réalisation démarre",
    ),
    (
        "Customer portal kept in scope as a 'could have'",
        "Portail client maintenu dans le périmètre en « could have »",
    ),
    (
        "Plan summer holidays of the key users",
        "Planifier les congés d'été des utilisateurs clés",
    ),
    (
        "Book the key users for the data cleansing workshops",
        "Réserver les utilisateurs clés pour les ateliers de nettoyage des données",
    ),
    (
        "Configuration on track; customer portal extension two weeks late; data cleansing slower than planned.",
        "Paramétrage dans les temps ; extension du portail client en retard de deux semaines ; nettoyage des données plus lent que prévu.",
    ),
    (
        "Accept release V1 with reservations (ANO-003 on the portal, ANO-007 on purchase approvals)",
        "Accepter la V1 avec réserves (ANO-003 sur le portail, ANO-007 sur la validation des achats)",
    ),
    (
        "Start a weekly anomaly triage from October",
        "Mettre en place une revue hebdomadaire des anomalies dès octobre",
    ),
    (
        "Add a cleansing workshop per week until dry run 2",
        "Ajouter un atelier de nettoyage par semaine jusqu'à la reprise à blanc n° 2",
    ),
    (
        "Have the customer portal retested for intrusion once its session flaw is fixed",
        "Faire repasser le test d'intrusion sur le portail client une fois sa faille de session corrigée",
    ),
    (
        "Integration tests finished late (30 working days instead of 23); acceptance campaign 1 started late. Two blocking anomalies open. Test phase 15 % over its labour budget.",
        "Tests d'intégration terminés en retard (30 jours ouvrés au lieu de 23) ; la campagne de recette n° 1 a démarré en retard. Deux anomalies bloquantes ouvertes. Phase de test 15 % au-dessus de son budget de main-d'œuvre.",
    ),
    (
        "Release 25 k€ from the management reserve for the correction sprint",
        "Débloquer 25 k€ de la provision pour risques pour le sprint de correction",
    ),
    (
        "Keep the go-live date; decide at the go / no-go committee in January",
        "Maintenir la date de mise en production ; décision au comité go / no go de janvier",
    ),
    (
        "Weekly project committee until acceptance",
        "Comité de projet hebdomadaire jusqu'à la recette",
    ),
    (
        "Fix ANO-003 and ANO-007 before acceptance campaign 2",
        "Corriger ANO-003 et ANO-007 avant la campagne de recette n° 2",
    ),
    (
        "Confirm the key users' availability for acceptance campaign 2 in December",
        "Confirmer la disponibilité des utilisateurs clés pour la campagne de recette n° 2 en décembre",
    ),
    (
        "Re-plan end-user training around the closing",
        "Replanifier la formation des utilisateurs en tenant compte de la clôture",
    ),
];

/// The acceptance criteria are written from the requirement's title.
const CRITERIA_EN: &str = "Demonstrated in acceptance on production-like data: ";
const CRITERIA_FR: &str = "Démontré en recette sur des données représentatives de la production : ";

struct Dictionary(HashMap<&'static str, &'static str>);

impl Dictionary {
    fn new() -> Self {
        let mut map = HashMap::new();
        for (en, fr) in FR {
            // One English text, one French text: a second entry is a mistake in the table.
            if let Some(before) = map.insert(*en, *fr) {
                assert_eq!(before, *fr, "two translations of {en:?}");
            }
        }
        for keep in KEEP {
            map.insert(*keep, *keep);
        }
        Self(map)
    }

    fn get(&self, en: &str) -> String {
        if en.is_empty() {
            return String::new();
        }
        if let Some(title) = en
            .strip_prefix(CRITERIA_EN)
            .and_then(|t| t.strip_suffix('.'))
        {
            let mut title = title.to_owned();
            title[..1].make_ascii_uppercase();
            let fr = self.get(&title);
            let mut chars = fr.chars();
            let first = chars.next().unwrap().to_lowercase().collect::<String>();
            return format!("{CRITERIA_FR}{first}{}.", chars.as_str());
        }
        match self.0.get(en) {
            Some(fr) => (*fr).to_owned(),
            None => panic!("no French for {en:?}"),
        }
    }

    fn all(&self, texts: &mut [String]) {
        for text in texts {
            *text = self.get(text);
        }
    }
}

/// Every user-visible text of `p` in French.
pub fn translate(p: &mut Project) {
    let d = Dictionary::new();
    let t = |s: &mut String| *s = d.get(s);
    t(&mut p.meta.name);
    t(&mut p.meta.client);
    t(&mut p.meta.sponsor);
    t(&mut p.meta.description);
    for c in &mut p.calendars {
        t(&mut c.name);
    }
    for task in &mut p.tasks {
        t(&mut task.name);
        t(&mut task.notes);
        d.all(&mut task.required_skills);
    }
    for r in &mut p.resources {
        t(&mut r.team);
        // French roles follow the person: the two ERP developers are a man and a woman.
        if r.name == "Inès Garcia" && r.role == "ERP developer" {
            r.role = "Développeuse ERP".into();
        } else {
            t(&mut r.role);
        }
        t(&mut r.name);
        for s in &mut r.skills {
            t(&mut s.name);
        }
        for l in &mut r.leave {
            t(&mut l.reason);
        }
    }
    for c in &mut p.cost_items {
        t(&mut c.label);
    }
    for b in &mut p.budget_lines {
        t(&mut b.label);
    }
    for b in &mut p.baselines {
        t(&mut b.label);
    }
    for r in &mut p.requirements {
        t(&mut r.title);
        t(&mut r.source);
        t(&mut r.description);
        t(&mut r.acceptance_criteria);
    }
    for del in &mut p.deliverables {
        t(&mut del.name);
        t(&mut del.description);
        for v in &mut del.validations {
            t(&mut v.by);
            t(&mut v.comment);
        }
        if let Some(a) = &mut del.acceptance {
            t(&mut a.by);
            t(&mut a.reservations);
        }
    }
    for c in &mut p.test_cases {
        t(&mut c.title);
        d.all(&mut c.steps);
        t(&mut c.expected);
    }
    for c in &mut p.campaigns {
        t(&mut c.name);
        t(&mut c.environment);
    }
    for r in &mut p.test_runs {
        t(&mut r.comment);
    }
    for l in &mut p.load_tests {
        t(&mut l.scenario);
    }
    for a in &mut p.anomalies {
        t(&mut a.title);
        t(&mut a.description);
    }
    for r in &mut p.risks {
        t(&mut r.title);
        t(&mut r.description);
        t(&mut r.mitigation);
        t(&mut r.contingency);
    }
    for m in &mut p.meetings {
        t(&mut m.title);
        d.all(&mut m.attendees);
        d.all(&mut m.external_attendees);
        d.all(&mut m.agenda);
        t(&mut m.minutes);
        for dec in &mut m.decisions {
            t(&mut dec.text);
            t(&mut dec.decided_by);
        }
        for a in &mut m.actions {
            t(&mut a.text);
        }
    }
}
