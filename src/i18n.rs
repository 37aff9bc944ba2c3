//! Every user-visible string, in English and French, side by side so that a missing
//! translation shows in review. Pure (no UI toolkit), usable from every layer.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language's own name, shown in the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:literal, $fr:literal;)*) => {
        /// A user-visible text. `{…}` placeholders are filled with [`T::fill`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::En) => $en, (T::$key, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

impl T {
    /// The text with each `{name}` placeholder replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

texts! {
    AppName => "Pilote", "Pilote";
    MenuFile => "File", "Fichier";
    MenuEdit => "Edit", "Édition";
    MenuView => "View", "Affichage";
    MenuHelp => "Help", "Aide";
    MenuTask => "Task", "Tâche";
    MenuLanguage => "Language", "Langue";
    CmdNew => "New", "Nouveau";
    CmdNewTip => "Start a new, empty project", "Commencer un nouveau projet vide";
    CmdOpen => "Open…", "Ouvrir…";
    CmdOpenTip => "Open a Pilote project (.pilote.ron) or import an MS Project XML file", "Ouvrir un projet Pilote (.pilote.ron) ou importer un fichier MS Project XML";
    CmdOpenRecent => "Open recent", "Fichiers récents";
    CmdOpenSample => "Open the sample project", "Ouvrir le projet exemple";
    CmdOpenSampleTip => "The ERP roll-out sample that ships with Pilote", "L'exemple de déploiement d'ERP fourni avec Pilote";
    CmdSave => "Save", "Enregistrer";
    CmdSaveTip => "Save the project to its file", "Enregistrer le projet dans son fichier";
    CmdSaveAs => "Save as…", "Enregistrer sous…";
    CmdSaveAsTip => "Save the project to a new file", "Enregistrer le projet dans un nouveau fichier";
    CmdQuit => "Quit", "Quitter";
    CmdQuitTip => "Close Pilote", "Fermer Pilote";
    CmdUndo => "Undo", "Annuler";
    CmdUndoTip => "Undo the last change", "Annuler la dernière modification";
    CmdRedo => "Redo", "Rétablir";
    CmdRedoTip => "Redo the change just undone", "Rétablir la modification annulée";
    CmdAddTask => "Add task", "Ajouter une tâche";
    CmdAddTaskTip => "Add a task below the selected one (or at the end)", "Ajouter une tâche sous la tâche sélectionnée (ou à la fin)";
    CmdInsertTask => "Insert task", "Insérer une tâche";
    CmdInsertTaskTip => "Insert a task above the selected one", "Insérer une tâche au-dessus de la tâche sélectionnée";
    CmdAddMilestone => "Add milestone", "Ajouter un jalon";
    CmdAddMilestoneTip => "Add a zero-duration milestone below the selected task", "Ajouter un jalon de durée nulle sous la tâche sélectionnée";
    CmdDeleteTask => "Delete task", "Supprimer la tâche";
    CmdDeleteTaskTip => "Delete the selected task and its subtasks", "Supprimer la tâche sélectionnée et ses sous-tâches";
    CmdIndent => "Indent", "Abaisser";
    CmdIndentTip => "Make the selected task a subtask of the one above", "Faire de la tâche sélectionnée une sous-tâche de celle du dessus";
    CmdOutdent => "Outdent", "Hausser";
    CmdOutdentTip => "Move the selected task up one outline level", "Remonter la tâche sélectionnée d'un niveau hiérarchique";
    CmdMoveUp => "Move up", "Monter";
    CmdMoveUpTip => "Move the selected task (and its subtasks) above its previous sibling", "Placer la tâche sélectionnée (et ses sous-tâches) avant la précédente";
    CmdMoveDown => "Move down", "Descendre";
    CmdLinkTasks => "Link tasks", "Lier les tâches";
    CmdLinkTasksTip => "Link the selected tasks finish-to-start, in plan order", "Lier les tâches sélectionnées fin-début, dans l'ordre du plan";
    CmdUnlinkTasks => "Unlink tasks", "Délier les tâches";
    CmdUnlinkTasksTip => "Remove the links between the selected tasks (all the links of a single selected task)", "Supprimer les liens entre les tâches sélectionnées (tous les liens d'une seule tâche sélectionnée)";
    CmdTaskInfo => "Task information…", "Informations sur la tâche…";
    CmdTaskInfoTip => "Open the selected task's editor: dates, constraint, predecessors, resources, notes", "Ouvrir l'éditeur de la tâche sélectionnée : dates, contrainte, prédécesseurs, ressources, notes";
    CmdMoveDownTip => "Move the selected task (and its subtasks) below its next sibling", "Placer la tâche sélectionnée (et ses sous-tâches) après la suivante";
    CmdToggleTheme => "Dark / light theme", "Thème sombre / clair";
    CmdToggleThemeTip => "Switch between the dark and the light theme", "Basculer entre le thème sombre et le thème clair";
    CmdAbout => "About Pilote", "À propos de Pilote";
    CmdAboutTip => "Version and licence", "Version et licence";
    ViewTasks => "Task plan", "Plan de tâches";
    ViewTasksTip => "The tasks, phases and milestones of the project", "Les tâches, phases et jalons du projet";
    ViewResources => "Resources", "Ressources";
    ViewResourcesTip => "The team and the providers: skills, rates, capacity, calendars, leave", "L'équipe et les prestataires : compétences, taux, capacité, calendriers, absences";
    ViewWorkload => "Workload", "Charge";
    ViewWorkloadTip => "Who is over-allocated when: the load heatmap, and leveling", "Qui est surchargé et quand : la carte de charge, et le lissage";
    AddPerson => "Add person", "Ajouter une personne";
    AddMaterial => "Add material", "Ajouter un matériel";
    AddCostResource => "Add cost resource", "Ajouter une ressource de coût";
    DeleteResource => "Delete resource", "Supprimer la ressource";
    DeleteResourceTitle => "Delete {name}?", "Supprimer {name} ?";
    DeleteResourceBody => "Its {count} assignment(s) will be removed, on: {tasks}. {refs} other item(s) that name this resource (owner, tester, assignee) will name nobody. Undo puts everything back.", "Ses {count} affectation(s) seront supprimées, sur : {tasks}. {refs} autre(s) élément(s) qui la nomment (responsable, testeur, assigné) ne nommeront plus personne. Annuler remet tout en place.";
    NewResourceName => "New resource", "Nouvelle ressource";
    NewSkillName => "New skill", "Nouvelle compétence";
    ResourcesSummary => "{count} resources, {external} from providers", "{count} ressources, dont {external} de prestataires";
    SelectAResource => "Select a resource to see and edit its details.", "Sélectionnez une ressource pour voir et modifier sa fiche.";
    ColResourceName => "Name", "Nom";
    ColKind => "Kind", "Type";
    ColOrigin => "Origin", "Origine";
    ColTeam => "Team", "Équipe";
    ColSkills => "Skills", "Compétences";
    ColStandardRate => "Standard rate", "Taux standard";
    ColMaxUnits => "Max units", "Capacité max.";
    ColAssignments => "Assignments", "Affectations";
    KindPerson => "Person", "Personne";
    KindMaterial => "Material", "Matériel";
    KindCost => "Cost", "Coût";
    Internal => "Internal", "Interne";
    External => "Provider", "Prestataire";
    FieldInitials => "Initials", "Initiales";
    FieldProvider => "Provider company", "Société prestataire";
    FieldContract => "Contract", "Contrat";
    FieldRole => "Role", "Rôle";
    FieldEmail => "E-mail", "Courriel";
    FieldOvertimeRate => "Overtime rate", "Taux heures sup.";
    FieldCostPerUse => "Cost per use", "Coût par utilisation";
    FieldCalendar => "Calendar", "Calendrier";
    ProjectCalendar => "The project's calendar", "Le calendrier du projet";
    FieldAvailability => "Available", "Disponible";
    FieldAvailableFrom => "Available from", "Disponible à partir du";
    FieldAvailableTo => "Available until", "Disponible jusqu'au";
    FieldSkills => "Skills", "Compétences";
    FieldSkill => "Skill", "Compétence";
    FieldLevel => "level", "niveau";
    AddSkill => "Add skill", "Ajouter une compétence";
    FieldLeave => "Leave", "Absences";
    LeaveFrom => "Leave from", "Absence du";
    LeaveTo => "Leave to", "Absence au";
    AddLeave => "Add leave", "Ajouter une absence";
    LeaveEndsBeforeStart => "This leave ends before it starts.", "Cette absence finit avant de commencer.";
    Remove => "Remove", "Retirer";
    NoAssignments => "No assignment.", "Aucune affectation.";
    RateUnit => "unit", "unité";
    PerHour => "/h", "/h";
    PerDay => "/day", "/jour";
    PerWeek => "/week", "/semaine";
    PerMonth => "/month", "/mois";
    GroupBy => "Group by", "Grouper par";
    ByTeam => "team", "équipe";
    BySkill => "skill", "compétence";
    ByProvider => "provider", "prestataire";
    Ungrouped => "(none)", "(aucun)";
    LevelResources => "Level resources…", "Lisser les ressources…";
    LevelResourcesTip => "Delay tasks until nobody is over-allocated (undoable)", "Retarder des tâches jusqu'à ce que personne ne soit surchargé (annulable)";
    ClearLeveling => "Clear leveling", "Effacer le lissage";
    ClearLevelingTip => "Remove every leveling delay (undoable)", "Supprimer tous les retards de lissage (annulable)";
    LevelExplain => "Tasks are delayed (their leveling delay) until no person has more work than time, honouring links, constraints, calendars, leave and started tasks. The task that waits is the less important one.", "Des tâches sont retardées (leur retard de lissage) jusqu'à ce que personne n'ait plus de travail que de temps, en respectant liens, contraintes, calendriers, absences et tâches commencées. C'est la moins importante qui attend.";
    LevelingOrder => "Who goes first", "Qui passe en premier";
    OrderStandard => "Standard: priority, then slack, start date, ID", "Standard : priorité, puis marge, date de début, numéro";
    OrderPriority => "Priority, then ID", "Priorité, puis numéro";
    WithinSlack => "Level only within available slack (the finish does not move)", "Lisser uniquement dans la marge disponible (la fin ne bouge pas)";
    LevelRange => "Only tasks starting between two dates", "Seulement les tâches qui commencent entre deux dates";
    RangeFrom => "From", "Du";
    RangeTo => "To", "Au";
    RangeInvalid => "Type two dates, the first not after the second.", "Saisissez deux dates, la première pas après la seconde.";
    LevelNow => "Level", "Lisser";
    Leveled => "Leveling delayed {count} task(s); {unresolved} over-allocation(s) could not be resolved", "Le lissage a retardé {count} tâche(s) ; {unresolved} surcharge(s) n'ont pas pu être résolues";
    LevelingCleared => "Leveling cleared on {count} task(s)", "Lissage effacé sur {count} tâche(s)";
    HeatIdle => "idle", "libre";
    HeatNormal => "normal", "normal";
    HeatFull => "full", "plein";
    HeatOver => "over-allocated", "surchargé";
    WeekOf => "week of {date}", "semaine du {date}";
    LoadOfCapacity => "{load} of {capacity} ({percent} %)", "{load} sur {capacity} ({percent} %)";
    ClickACell => "Click a cell of the heatmap to see the assignments that make it up.", "Cliquez une case de la carte pour voir les affectations qui la composent.";
    MadeOf => "Made of", "Composée de";
    NoAssignmentThen => "No assignment then.", "Aucune affectation à ce moment.";
    GoToTask => "Go to task", "Aller à la tâche";
    GoToTaskTip => "Show this task in the task plan", "Montrer cette tâche dans le plan";
    HistogramOf => "Load of {name}", "Charge de {name}";
    SeriesLoad => "Load", "Charge";
    SeriesCapacity => "Capacity", "Capacité";
    SummaryNoAssignments => "A summary's work is its subtasks': assign resources to them.", "Le travail d'un récapitulatif est celui de ses sous-tâches : affectez-leur des ressources.";
    TaskTypeLabel => "Task type", "Type de tâche";
    FixedUnits => "Fixed units", "Capacité fixe";
    FixedDuration => "Fixed duration", "Durée fixe";
    FixedWork => "Fixed work", "Travail fixe";
    EffortDriven => "Effort-driven", "Pilotée par l'effort";
    RequiredSkills => "Required skills", "Compétences requises";
    UnitsOf => "Units of {name}", "Capacité de {name}";
    WorkOf => "Work of {name}", "Travail de {name}";
    Unassign => "Unassign", "Désaffecter";
    AssignResource => "Assign a resource…", "Affecter une ressource…";
    HasSkills => "has the skills", "a les compétences";
    SkillsMet => "{met} of {of} skills", "{met} compétence(s) sur {of}";
    FreePercent => "{percent} % free then", "{percent} % libre alors";
    Duplicate => "Duplicate", "Dupliquer";
    DeleteItem => "Delete", "Supprimer";
    Search => "Search", "Rechercher";
    SearchHint => "Search…", "Rechercher…";
    ItemCount => "{count} items", "{count} éléments";
    RemoveNamed => "Remove {name}", "Retirer {name}";
    AddTo => "Add to", "Ajouter à";
    AddEllipsis => "Add…", "Ajouter…";
    ViewRequirements => "Requirements", "Exigences";
    ViewRequirementsTip => "Functional and technical specifications, and their traceability to tests", "Spécifications fonctionnelles et techniques, et leur traçabilité vers les tests";
    RequirementsList => "Requirements", "Exigences";
    TraceabilityMatrix => "Traceability matrix", "Matrice de traçabilité";
    TraceSummary => "{total} requirements: {covered} covered by tests, {passed} passed, {failed} failed, {untested} untested", "{total} exigences : {covered} couvertes par des tests, {passed} validées, {failed} en échec, {untested} non testées";
    AddRequirement => "Add requirement", "Ajouter une exigence";
    NewRequirement => "New requirement", "Nouvelle exigence";
    ColCode => "Code", "Code";
    ColTitle => "Title", "Titre";
    ColPriority => "Priority", "Priorité";
    ColStatus => "Status", "Statut";
    ColCoverage => "Coverage", "Couverture";
    CoverageCell => "{cases} cases · {status}", "{cases} cas · {status}";
    ReqFunctional => "Functional", "Fonctionnelle";
    ReqTechnical => "Technical", "Technique";
    ReqSecurity => "Security", "Sécurité";
    ReqPerformance => "Performance", "Performance";
    ReqUsability => "Usability", "Ergonomie";
    ReqAvailability => "Availability", "Disponibilité";
    ReqCompliance => "Compliance", "Conformité";
    ReqDraft => "Draft", "Brouillon";
    ReqValidated => "Validated by the owner", "Validée par la MOA";
    ReqImplemented => "Implemented", "Réalisée";
    ReqVerified => "Verified", "Vérifiée";
    ReqDropped => "Dropped", "Abandonnée";
    CovUntested => "untested", "non testée";
    CovInProgress => "in progress", "en cours";
    CovPassed => "passed", "validée";
    CovFailed => "failed", "en échec";
    ResNotRun => "not run", "non exécuté";
    ResNeverRun => "never run", "jamais exécuté";
    ResPassed => "passed", "réussi";
    ResFailed => "failed", "échoué";
    ResBlocked => "blocked", "bloqué";
    SelectAnItem => "Select an item to see and edit it.", "Sélectionnez un élément pour le voir et le modifier.";
    FieldParent => "Parent", "Parent";
    ParentLoop => "A requirement cannot be under itself", "Une exigence ne peut pas être sous elle-même";
    FieldSource => "Source", "Source";
    FieldAcceptanceCriteria => "Acceptance criteria", "Critères d'acceptation";
    FieldLinkedTasks => "Tasks", "Tâches";
    FieldDeliverables => "Deliverables", "Livrables";
    CoveredBy => "Covered by", "Couverte par";
    NoTestCase => "No test case covers this requirement.", "Aucun cas de test ne couvre cette exigence.";
    DeleteNamed => "Delete {name}?", "Supprimer {name} ?";
    DeleteRequirementBody => "{count} test case link(s) to this requirement will be removed. Undo puts everything back.", "{count} lien(s) de cas de test vers cette exigence seront supprimés. Annuler remet tout en place.";
    ViewDeliverables => "Deliverables", "Livrables";
    ViewDeliverablesTip => "What the project hands over: due dates, owners, reviews and acceptance", "Ce que le projet remet : échéances, responsables, revues et recette";
    AddDeliverable => "Add deliverable", "Ajouter un livrable";
    NewDeliverable => "New deliverable", "Nouveau livrable";
    DelDocument => "Document", "Document";
    DelRelease => "Software release", "Version logicielle";
    DelModule => "Module", "Module";
    DelTraining => "Training", "Formation";
    DelEnvironment => "Environment", "Environnement";
    DelData => "Data", "Données";
    DelPlanned => "Planned", "Prévu";
    DelInProgress => "In progress", "En cours";
    DelDelivered => "Delivered", "Livré";
    DelInReview => "In review", "En revue";
    DelValidatedStatus => "Validated", "Validé";
    DelRejected => "Rejected", "Rejeté";
    DueWith => "Due with", "Dû avec";
    DueDate => "Due date", "Échéance";
    DueOn => "Due on {date} (from the schedule)", "Dû le {date} (d'après le planning)";
    Late => "late", "en retard";
    FieldOwner => "Owner", "Responsable";
    FieldVersion => "Version", "Version";
    ColItemName => "Name", "Nom";
    MoveTo => "Move to {status}", "Passer à {status}";
    Reviews => "Reviews", "Revues";
    Approved => "approved", "approuvé";
    NotApproved => "not approved", "non approuvé";
    ReviewBy => "Reviewer", "Relecteur";
    Comment => "Comment", "Commentaire";
    RecordApproval => "Record approval", "Enregistrer l'approbation";
    RecordRejection => "Record rejection", "Enregistrer le refus";
    Acceptance => "Acceptance", "Recette";
    NoDecision => "No decision yet", "Pas encore de décision";
    Accepted => "Accepted", "Acceptée";
    AcceptedWithReservations => "Accepted with reservations", "Acceptée avec réserves";
    Refused => "Refused", "Refusée";
    Decision => "Decision", "Décision";
    DecidedBy => "Decided by", "Décidée par";
    Reservations => "Reservations", "Réserves";
    NoEvidence => "No test campaign gives evidence for this deliverable yet.", "Aucune campagne de test n'apporte encore de preuve pour ce livrable.";
    CampaignEvidence => "{campaign}: {passed} passed, {failed} failed, {blocked} blocked, {notrun} not run", "{campaign} : {passed} réussis, {failed} échoués, {blocked} bloqués, {notrun} non exécutés";
    OpenBlocking => "Open blocking anomaly {code}: {title}", "Anomalie bloquante ouverte {code} : {title}";
    DeleteReferencedBody => "{count} link(s) from other items to it will be removed. Undo puts everything back.", "{count} lien(s) d'autres éléments vers lui seront supprimés. Annuler remet tout en place.";
    ViewTesting => "Tests", "Tests";
    ViewTestingTip => "Test cases, campaigns, runs and load tests: the acceptance (recette)", "Cas de test, campagnes, exécutions et tests de charge : la recette";
    TestCases => "Test cases", "Cas de test";
    TestCase => "Test case", "Cas de test";
    Campaigns => "Campaigns", "Campagnes";
    Campaign => "Campaign", "Campagne";
    Runs => "Runs", "Exécutions";
    LoadTests => "Load tests", "Tests de charge";
    AddTestCase => "Add test case", "Ajouter un cas de test";
    NewTestCase => "New test case", "Nouveau cas de test";
    AddCampaign => "Add campaign", "Ajouter une campagne";
    NewCampaign => "New campaign", "Nouvelle campagne";
    AddRun => "Record a run", "Enregistrer une exécution";
    AddLoadTest => "Add load test", "Ajouter un test de charge";
    NewScenario => "New scenario", "Nouveau scénario";
    RunNeedsCampaign => "Create a campaign with its test cases first", "Créez d'abord une campagne avec ses cas de test";
    TestUnit => "Unit", "Unitaire";
    TestIntegration => "Integration", "Intégration";
    TestSystem => "System", "Système";
    TestLoad => "Load", "Charge";
    TestAcceptance => "Acceptance", "Recette";
    FieldRequirements => "Requirements", "Exigences";
    FieldSteps => "Steps (one per line)", "Étapes (une par ligne)";
    FieldExpected => "Expected result", "Résultat attendu";
    LastResult => "Last result", "Dernier résultat";
    DeleteCaseBody => "{runs} run(s) of this case will be deleted and it will leave {campaigns} campaign(s). Undo puts everything back.", "{runs} exécution(s) de ce cas seront supprimées et il quittera {campaigns} campagne(s). Annuler remet tout en place.";
    DeleteCampaignBody => "Its {count} run(s) and load-test measure(s) will be deleted. Undo puts everything back.", "Ses {count} exécution(s) et mesure(s) de charge seront supprimées. Annuler remet tout en place.";
    FieldTask => "Task", "Tâche";
    FieldDates => "Dates", "Dates";
    FieldFinish => "Finish", "Fin";
    FieldDate => "Date", "Date";
    FieldEnvironment => "Environment", "Environnement";
    FieldDeliverable => "Deliverable", "Livrable";
    Progress => "Progress", "Avancement";
    CampaignProgress => "{done} run of {cases} cases, {passed} passed", "{done} exécutés sur {cases} cas, {passed} réussis";
    Result => "Result", "Résultat";
    Tester => "Tester", "Testeur";
    Anomaly => "Anomaly", "Anomalie";
    RaiseAnomaly => "Raise an anomaly", "Ouvrir une anomalie";
    FailureOf => "Failure of {case}", "Échec de {case}";
    Scenario => "Scenario", "Scénario";
    Users => "Users", "Utilisateurs";
    Throughput => "Throughput (measured / target)", "Débit (mesuré / cible)";
    LatencyP95 => "p95 latency (measured / target)", "Latence p95 (mesurée / cible)";
    Verdict => "Verdict", "Verdict";
    TargetMet => "target met", "cible atteinte";
    TargetMissed => "target missed", "cible manquée";
    TargetThroughput => "Target throughput /s", "Débit cible /s";
    MeasuredThroughput => "Measured throughput /s", "Débit mesuré /s";
    TargetLatency => "Target p95 latency ms", "Latence p95 cible ms";
    MeasuredLatency => "Measured p95 latency ms", "Latence p95 mesurée ms";
    ViewAnomalies => "Anomalies", "Anomalies";
    ViewAnomaliesTip => "What tests found and its correction workflow", "Ce que les tests ont trouvé et son circuit de correction";
    AddAnomaly => "Add anomaly", "Ajouter une anomalie";
    NewAnomaly => "New anomaly", "Nouvelle anomalie";
    OpenOnly => "Open only", "Ouvertes seulement";
    Severity => "Severity", "Gravité";
    SevBlocking => "Blocking", "Bloquante";
    SevMajor => "Major", "Majeure";
    SevMinor => "Minor", "Mineure";
    PrioUrgent => "Urgent", "Urgente";
    PrioHigh => "High", "Haute";
    PrioNormal => "Normal", "Normale";
    PrioLow => "Low", "Basse";
    AnoNew => "New", "Nouvelle";
    AnoAnalysed => "Analysed", "Analysée";
    AnoInCorrection => "In correction", "En correction";
    AnoFixed => "Fixed", "Corrigée";
    AnoVerified => "Verified", "Vérifiée";
    AnoClosed => "Closed", "Close";
    AnoRejected => "Rejected", "Rejetée";
    Assignee => "Assigned to", "Assignée à";
    Age => "Age", "Âge";
    AgeDays => "Age: {age}", "Âge : {age}";
    FoundIn => "Found in run", "Trouvée dans l'exécution";
    CorrectionTask => "Correction task", "Tâche de correction";
    ReportedOn => "Reported on", "Signalée le";
    ViewRisks => "Risks", "Risques";
    ViewRisksTip => "The risk register and the probability × impact matrix", "Le registre des risques et la matrice probabilité × impact";
    AddRisk => "Add risk", "Ajouter un risque";
    NewRisk => "New risk", "Nouveau risque";
    Category => "Category", "Catégorie";
    Exposure => "Exposure", "Exposition";
    ExposureIs => "Exposure (probability × impact): {exposure}", "Exposition (probabilité × impact) : {exposure}";
    CostExposure => "Cost exposure", "Exposition financière";
    Trend => "Trend", "Tendance";
    TrendRising => "rising", "en hausse";
    TrendStable => "stable", "stable";
    TrendFalling => "falling", "en baisse";
    RiskOpen => "Open", "Ouvert";
    RiskMitigating => "Mitigating", "En atténuation";
    RiskOccurred => "Occurred", "Survenu";
    RiskClosed => "Closed", "Clos";
    RiskSchedule => "Schedule", "Délais";
    RiskBudget => "Budget", "Budget";
    RiskTechnical => "Technical", "Technique";
    RiskOrganisational => "Organisational", "Organisation";
    RiskSupplier => "Supplier", "Fournisseur";
    RiskLegal => "Legal", "Juridique";
    RiskSecurity => "Security", "Sécurité";
    RiskHuman => "Human", "Humain";
    RiskMatrix => "Probability × impact", "Probabilité × impact";
    MatrixAxes => "Up: probability 1–5. Across: impact 1–5. Figures: open risks. Click a cell to filter.", "Vertical : probabilité 1–5. Horizontal : impact 1–5. Chiffres : risques ouverts. Cliquez une case pour filtrer.";
    RiskCellLabel => "Probability {p}, impact {i}: {count} open risk(s)", "Probabilité {p}, impact {i} : {count} risque(s) ouvert(s)";
    FilteredOnCell => "Risks of probability {p} and impact {i}", "Risques de probabilité {p} et d'impact {i}";
    ShowAll => "Show all", "Tout afficher";
    Probability => "Probability", "Probabilité";
    Impact => "Impact", "Impact";
    IdentifiedOn => "Identified on", "Identifié le";
    Mitigation => "Mitigation", "Atténuation";
    Contingency => "Contingency", "Plan de secours";
    ActionTasks => "Action tasks", "Tâches d'action";
    ViewMeetings => "Meetings", "Réunions";
    ViewMeetingsTip => "Steering committees and project meetings: minutes, decisions, actions", "Comités de pilotage et réunions projet : comptes rendus, décisions, actions";
    AddMeeting => "Add meeting", "Ajouter une réunion";
    NewMeeting => "Steering committee", "Comité de pilotage";
    Copil => "COPIL", "COPIL";
    Coproj => "COPROJ", "COPROJ";
    Workshop => "Workshop", "Atelier";
    Decisions => "Decisions", "Décisions";
    OpenActions => "Open actions", "Actions ouvertes";
    OpenOverdue => "{open} ({late} overdue)", "{open} ({late} en retard)";
    Attendees => "Attendees (one per line)", "Participants (un par ligne)";
    ExternalAttendees => "External attendees", "Participants externes";
    Agenda => "Agenda (one point per line)", "Ordre du jour (un point par ligne)";
    Minutes => "Minutes", "Compte rendu";
    AddDecision => "Add decision", "Ajouter une décision";
    Actions => "Action items", "Actions";
    Action => "Action", "Action";
    AddAction => "Add action", "Ajouter une action";
    Overdue => "overdue", "en retard";
    Due => "Due", "Échéance";
    ActionOpen => "Open", "Ouverte";
    ActionDone => "Done", "Faite";
    ActionCancelled => "Cancelled", "Annulée";
    RiskLabel => "Risk", "Risque";
    QualityAndRisks => "Quality and risks", "Qualité et risques";
    ChartTests => "Test execution", "Exécution des tests";
    ChartAnomalies => "Anomalies", "Anomalies";
    ChartCoverage => "Requirement coverage", "Couverture des exigences";
    ChartRiskExposure => "Risk exposure (open risks)", "Exposition aux risques (risques ouverts)";
    SeriesPlannedCases => "Planned", "Prévus";
    SeriesExecuted => "Executed", "Exécutés";
    SeriesPassedRuns => "Passed", "Réussis";
    SeriesOpenBlocking => "Open blocking", "Bloquantes ouvertes";
    SeriesOpenMajor => "Open major", "Majeures ouvertes";
    SeriesOpenMinor => "Open minor", "Mineures ouvertes";
    SeriesClosed => "Closed", "Closes";
    SeriesExposure => "Exposure (sum of probability × impact)", "Exposition (somme probabilité × impact)";
    ViewBudget => "Budget", "Budget";
    ViewBudgetTip => "Budget lines per phase and year, and the expenses beyond work (licences, hardware, services)", "Enveloppes par phase et par année, et les dépenses hors travail (licences, matériel, prestations)";
    BudgetLines => "Budget lines", "Enveloppes budgétaires";
    CostItems => "Expenses", "Dépenses";
    BudgetTotal => "Total budget: {amount}", "Budget total : {amount}";
    AddBudgetLine => "Add budget line", "Ajouter une enveloppe";
    AddCostItem => "Add expense", "Ajouter une dépense";
    NewCostItem => "New expense", "Nouvelle dépense";
    Phase => "Phase", "Phase";
    Year => "Year", "Année";
    Amount => "Amount", "Montant";
    Label => "Label", "Libellé";
    Spent => "Spent", "Engagée";
    Planned => "Planned", "Prévue";
    Accrual => "Accrual", "Imputation";
    AccrualStart => "At start", "Au début";
    AccrualProrated => "Prorated", "Au prorata";
    AccrualEnd => "At end", "À la fin";
    CatLabour => "Labour", "Main-d'œuvre";
    CatLicences => "Licences", "Licences";
    CatHardware => "Hardware", "Matériel";
    CatServices => "Services", "Prestations";
    CatTravel => "Travel", "Déplacements";
    CatTraining => "Training", "Formation";
    CatOther => "Other", "Autre";
    ViewGantt => "Gantt chart", "Diagramme de Gantt";
    ViewGanttTip => "The plan on a timeline: bars, milestones, links, baseline, critical path", "Le plan sur une frise : barres, jalons, liens, référence, chemin critique";
    ZoomIn => "Zoom in", "Zoom avant";
    ZoomOut => "Zoom out", "Zoom arrière";
    FitProject => "Fit project", "Tout le projet";
    GoToToday => "Go to today", "Aller à aujourd'hui";
    TaskDialogTitle => "Task information", "Informations sur la tâche";
    TabGeneral => "General", "Général";
    TabNotes => "Notes", "Notes";
    SchedulingMode => "Scheduling", "Planification";
    ModeAuto => "Automatic", "Automatique";
    ModeManual => "Manual", "Manuelle";
    MilestoneFlag => "Milestone", "Jalon";
    MilestoneFlagTip => "Show the task as a milestone", "Afficher la tâche comme un jalon";
    DeadlineLabel => "Deadline", "Échéance";
    ConstraintLabel => "Constraint", "Contrainte";
    ConstraintDate => "Constraint date", "Date de la contrainte";
    ConstraintAsap => "As soon as possible", "Dès que possible";
    ConstraintAlap => "As late as possible", "Le plus tard possible";
    ConstraintSnet => "Start no earlier than", "Début au plus tôt le";
    ConstraintSnlt => "Start no later than", "Début au plus tard le";
    ConstraintFnet => "Finish no earlier than", "Fin au plus tôt le";
    ConstraintFnlt => "Finish no later than", "Fin au plus tard le";
    ConstraintMso => "Must start on", "Doit commencer le";
    ConstraintMfo => "Must finish on", "Doit finir le";
    EarlyStart => "Early start", "Début au plus tôt";
    EarlyFinish => "Early finish", "Fin au plus tôt";
    LateStart => "Late start", "Début au plus tard";
    LateFinish => "Late finish", "Fin au plus tard";
    PredecessorsHint => "Row numbers with the link type and lag, as in MS Project: 3, 3FS+2d, 5SS, 7FF-1d, 4SF+50%", "Numéros de ligne avec le type de lien et le décalage, comme dans MS Project : 3, 3FD+2j, 5DD, 7FF-1j, 4DF+50%";
    LinkType => "Type", "Type";
    LinkLag => "Lag", "Décalage";
    LinkFs => "Finish-to-start (FS)", "Fin à début (FD)";
    LinkSs => "Start-to-start (SS)", "Début à début (DD)";
    LinkFf => "Finish-to-finish (FF)", "Fin à fin (FF)";
    LinkSf => "Start-to-finish (SF)", "Début à fin (DF)";
    RemoveLink => "Remove", "Supprimer";
    QuarterShort => "Q{n}", "T{n}";
    ResizeColumn => "Resize column {name}", "Redimensionner la colonne {name}";
    Columns => "Columns", "Colonnes";
    BarLabels => "Bar labels", "Étiquettes des barres";
    LabelNone => "No label", "Aucune étiquette";
    LabelNameAndResources => "Name and resources", "Nom et ressources";
    ListSplitter => "Resize the task list", "Redimensionner la liste des tâches";
    RowLabel => "Row {row}: {name}", "Ligne {row} : {name}";
    DoubleClickToEdit => "Double-click to edit the task", "Double-cliquer pour modifier la tâche";
    ScrollToTask => "Scroll to task", "Atteindre la tâche";
    GanttHelp => "Ctrl+wheel zooms; Shift+wheel, the Left and Right keys or dragging the background pans; Shift+drag selects", "Ctrl+molette zoome ; Maj+molette, les touches Gauche et Droite ou glisser le fond fait défiler ; Maj+glisser sélectionne";
    ExpandNamed => "Expand {name}", "Déplier {name}";
    CollapseNamed => "Collapse {name}", "Replier {name}";
    BarLabel => "Bar {row}: {name}", "Barre {row} : {name}";
    FilterAll => "All tasks", "Toutes les tâches";
    ExportSvg => "Export SVG", "Exporter en SVG";
    ExportSvgTip => "The whole chart, every row and the whole span, as an SVG file to print", "Tout le diagramme, toutes les lignes sur toute la durée, en SVG à imprimer";
    ExportViewPngTip => "What the window shows, as a PNG image", "Ce que montre la fenêtre, en image PNG";
    Unlink => "Remove its predecessors", "Supprimer ses prédécesseurs";
    FilterCritical => "Critical", "Critiques";
    FilterLate => "Late", "En retard";
    FilterMilestones => "Milestones", "Jalons";
    FindHint => "Find (Ctrl+F)…", "Chercher (Ctrl+F)…";
    FindTask => "Find a task", "Chercher une tâche";
    AllResources => "All resources", "Toutes les ressources";
    ByResource => "Resource", "Ressource";
    LinkFromStart => "Link from the start of {row}: {name}", "Lier depuis le début de {row} : {name}";
    LinkFromFinish => "Link from the finish of {row}: {name}", "Lier depuis la fin de {row} : {name}";
    DurationSlack => "Duration {duration}, total slack {slack} d", "Durée {duration}, marge totale {slack} j";
    ViewProject => "Project", "Projet";
    ViewDashboard => "Dashboard", "Tableau de bord";
    ViewDashboardTip => "Earned value, budget, milestones and the RAG status for the steering committee", "Valeur acquise, budget, jalons et météo du projet pour le comité de pilotage";
    MenuTracking => "Tracking", "Suivi";
    CmdUpdateProject => "Update project…", "Mettre à jour le projet…";
    CmdUpdateProjectTip => "Record the work scheduled up to a date as done, and make it the status date", "Enregistrer comme fait le travail prévu jusqu'à une date, qui devient la date d'état";
    CmdSaveBaseline => "Save baseline…", "Enregistrer la planification initiale…";
    CmdSaveBaselineTip => "Keep a copy of the plan's dates, durations, work and cost to compare with", "Garder une copie des dates, durées, travail et coûts du plan pour comparer";
    CmdClearBaseline => "Clear baseline…", "Effacer la planification initiale…";
    CmdClearBaselineTip => "Remove a saved baseline, for all tasks or the selected one", "Supprimer une planification enregistrée, pour toutes les tâches ou la tâche sélectionnée";
    BaselineName0 => "Baseline", "Planification initiale";
    BaselineNameN => "Baseline {n}", "Planification initiale {n}";
    BaselineSavedOn => "saved on {date}", "enregistrée le {date}";
    BaselineNotSaved => "not saved", "non enregistrée";
    BaselineWhich => "Baseline", "Planification";
    BaselineScopeAll => "For the entire project", "Pour tout le projet";
    BaselineScopeSelected => "For the selected task and its subtasks", "Pour la tâche sélectionnée et ses sous-tâches";
    BaselineNoSelection => "Select a task in the task plan first.", "Sélectionnez d'abord une tâche dans le plan.";
    BaselineSavedStatus => "{baseline} saved for {count} tasks", "{baseline} enregistrée pour {count} tâches";
    BaselineClearedStatus => "{baseline} cleared", "{baseline} effacée";
    BaselineOverwrite => "{baseline} was saved on {date}: saving replaces it.", "{baseline} a été enregistrée le {date} : l'enregistrer la remplace.";
    UpdateThrough => "Update work as complete through", "Mettre à jour le travail comme achevé jusqu'au";
    UpdateExplain => "Tasks scheduled to finish by then become 100 % complete; tasks under way get the share of their working time elapsed. Progress already recorded is never lowered. The date becomes the status date.", "Les tâches prévues pour finir d'ici là passent à 100 % ; les tâches en cours reçoivent la part écoulée de leur temps de travail. L'avancement déjà saisi n'est jamais diminué. La date devient la date d'état.";
    UpdatedStatus => "Progress recorded through {date} on {count} tasks", "Avancement enregistré jusqu'au {date} sur {count} tâches";
    NotADate => "\"{text}\" is not a date", "« {text} » n'est pas une date";
    Ok => "OK", "OK";
    Exported => "Exported {file}", "{file} exporté";
    TileSchedule => "Schedule", "Délais";
    TileCost => "Cost", "Coûts";
    TileScope => "Scope", "Périmètre";
    TileQuality => "Quality", "Qualité";
    TileRisk => "Risks", "Risques";
    RagGreen => "Green", "Vert";
    RagAmber => "Amber", "Orange";
    RagRed => "Red", "Rouge";
    RagUnknown => "No data", "Pas de données";
    TileFinish => "Finish {date}, {slip} d vs baseline", "Fin {date}, {slip} j vs planification";
    TileFinishNoBaseline => "Finish {date}, no baseline", "Fin {date}, sans planification";
    TileEacBac => "EAC {eac} for a budget of {bac}", "EAC {eac} pour un budget de {bac}";
    TileCoverage => "{covered} of {total} requirements covered by tests", "{covered} exigences sur {total} couvertes par des tests";
    TileBlocking => "{count} blocking", "{count} bloquante(s)";
    TileOpenAnomalies => "{count} open anomalies", "{count} anomalies ouvertes";
    TileCritical => "{count} critical", "{count} critique(s)";
    TileOpenRisks => "{count} open risks, weighted exposure {amount}", "{count} risques ouverts, exposition pondérée {amount}";
    NoStatusDate => "No status date yet: the figures are at today's date. Type one here, or use Tracking → Update project.", "Pas encore de date d'état : les chiffres sont à la date du jour. Saisissez-en une ici, ou utilisez Suivi → Mettre à jour le projet.";
    WeekBack => "−1 week", "−1 semaine";
    WeekForward => "+1 week", "+1 semaine";
    CompareWith => "Compare with", "Comparer avec";
    EacFormula => "EAC formula", "Formule EAC";
    ChartSCurve => "Cost curves (S-curves)", "Courbes en S des coûts";
    ChartIndices => "Performance indices over time", "Indices de performance dans le temps";
    ChartBudget => "Budget, actual and forecast", "Budget, réalisé et prévision";
    ChartTrend => "Milestone trend analysis", "Analyse de tendance des jalons";
    ChartTrendEmpty => "No milestone left after the status date.", "Aucun jalon restant après la date d'état.";
    ExportPng => "Export PNG", "Exporter en PNG";
    ExportPngTip => "Save this chart as a PNG image", "Enregistrer ce graphique en image PNG";
    ByPhase => "By phase", "Par phase";
    ByYear => "By year", "Par année";
    SeriesPv => "Planned value (PV)", "Valeur planifiée (PV)";
    SeriesEv => "Earned value (EV)", "Valeur acquise (EV)";
    SeriesAc => "Actual cost (AC)", "Coût réel (AC)";
    SeriesForecast => "Forecast to completion (EAC)", "Prévision jusqu'à la fin (EAC)";
    SeriesStatus => "Status date", "Date d'état";
    SeriesOnPlan => "1.0: on plan", "1,0 : conforme au plan";
    SeriesBudget => "Budget", "Budget";
    SeriesActual => "Actual", "Réalisé";
    SeriesAtCompletion => "Forecast at completion", "Prévision à terme";
    SeriesDiagonal => "Milestone reached", "Jalon atteint";
    ProjectLevel => "Project level", "Niveau projet";
    AxisReportDate => "Report date", "Date du rapport";
    TipBac => "Budget at completion: the baseline's cost", "Budget à terme : le coût de la planification de référence";
    TipPv => "Planned value: the baseline's cost due by the status date", "Valeur planifiée : le coût prévu par la référence jusqu'à la date d'état";
    TipEv => "Earned value: the baseline's cost of the work done", "Valeur acquise : le coût prévu du travail réalisé";
    TipAc => "Actual cost of the work done", "Coût réel du travail réalisé";
    TipSv => "Schedule variance: EV − PV", "Écart de délai : EV − PV";
    TipCv => "Cost variance: EV − AC", "Écart de coût : EV − AC";
    TipSpi => "Schedule performance index: EV / PV", "Indice de performance des délais : EV / PV";
    TipCpi => "Cost performance index: EV / AC", "Indice de performance des coûts : EV / AC";
    TipEac => "Estimate at completion", "Estimation à terme";
    TipEtc => "Estimate to complete: EAC − AC", "Reste à dépenser : EAC − AC";
    TipVac => "Variance at completion: BAC − EAC", "Écart à terme : BAC − EAC";
    TipTcpi => "To-complete performance index: (BAC − EV) / (BAC − AC)", "Indice de performance à atteindre : (BAC − EV) / (BAC − AC)";
    ViewProjectTip => "The project's identity: name, client, sponsor, dates", "L'identité du projet : nom, client, commanditaire, dates";
    ColId => "ID", "N°";
    TableLabel => "Table:", "Table :";
    TableEntry => "Entry", "Saisie";
    TableTracking => "Tracking", "Suivi";
    TableVariance => "Variance", "Écarts";
    ColActualStart => "Actual start", "Début réel";
    ColActualFinish => "Actual finish", "Fin réelle";
    ColActualWork => "Actual work", "Travail réel";
    ColRemainingWork => "Remaining work", "Travail restant";
    BadHours => "\"{text}\" is not a number of hours", "« {text} » n'est pas un nombre d'heures";
    NoAssignment => "Nobody is assigned to this task: assign a resource before entering actual work", "Personne n'est affecté à cette tâche : affectez une ressource avant de saisir le travail réel";
    TableCost => "Cost", "Coûts";
    TableEarnedValue => "Earned value", "Valeur acquise";
    TimePhased => "Cost by", "Coûts par";
    PeriodDay => "day", "jour";
    PeriodWeek => "week", "semaine";
    PeriodMonth => "month", "mois";
    PeriodYear => "year", "année";
    ColBaselineStart => "Baseline start", "Début planifié";
    ColBaselineFinish => "Baseline finish", "Fin planifiée";
    ColStartVariance => "Start var.", "Écart début";
    ColFinishVariance => "Finish var.", "Écart fin";
    ColDurationVariance => "Duration var.", "Écart durée";
    ColCostVariance => "Cost var.", "Écart coût";
    ColLevelingDelay => "Leveling delay", "Retard de lissage";
    ColBaselineCost => "Baseline cost", "Coût planifié";
    ColCost => "Cost", "Coût";
    ColActualCost => "Actual cost", "Coût réel";
    ColRemainingCost => "Remaining", "Reste à dépenser";
    ColInternal => "Internal", "Interne";
    ColExternal => "External", "Externe";
    ColWbs => "WBS", "WBS";
    ColName => "Task name", "Nom de la tâche";
    ColDuration => "Duration", "Durée";
    ColStart => "Start", "Début";
    ColFinish => "Finish", "Fin";
    ColPredecessors => "Predecessors", "Prédécesseurs";
    ColResources => "Resources", "Ressources";
    ColPercent => "% complete", "% achevé";
    ColSlack => "Total slack", "Marge totale";
    ColFreeSlack => "Free slack", "Marge libre";
    NotScheduled => "Not scheduled: {error}", "Non planifié : {error}";
    ConflictsTitle => "Schedule conflicts", "Conflits de planification";
    NewTaskName => "New task", "Nouvelle tâche";
    NewMilestoneName => "New milestone", "Nouveau jalon";
    NewProjectName => "New project", "Nouveau projet";
    Untitled => "Untitled", "Sans titre";
    Modified => "modified", "modifié";
    Saved => "Saved {file}", "{file} enregistré";
    Opened => "Opened {file}", "{file} ouvert";
    OpenFailed => "Could not open: {error}", "Ouverture impossible : {error}";
    SaveFailed => "Could not save {file}: {error}", "Enregistrement de {file} impossible : {error}";
    Undone => "Undone", "Annulé";
    Redone => "Redone", "Rétabli";
    NothingToUndo => "Nothing to undo", "Rien à annuler";
    NothingToRedo => "Nothing to redo", "Rien à rétablir";
    NoSelection => "Select a task first", "Sélectionnez d'abord une tâche";
    CannotIndent => "This task cannot be indented: it has no task above it at its level", "Impossible d'abaisser cette tâche : aucune tâche au-dessus d'elle à son niveau";
    CannotOutdent => "This task is already at the top level", "Cette tâche est déjà au premier niveau";
    CannotMove => "This task cannot move further", "Cette tâche ne peut pas aller plus loin";
    SummaryLinkRefused => "Refused: a task would become the summary of a task it is linked to (remove the link first)", "Refusé : une tâche deviendrait le récapitulatif d'une tâche à laquelle elle est liée (supprimez d'abord le lien)";
    LinkNeedsTwo => "Select two tasks or more to link them", "Sélectionnez au moins deux tâches pour les lier";
    LinksWouldLoop => "These links would close a loop in the plan: nothing was changed", "Ces liens fermeraient une boucle dans le plan : rien n'a été modifié";
    NothingToChange => "Nothing to change", "Rien à modifier";
    BadDuration => "\"{text}\" is not a duration (examples: 5d, 2.5w, 4h, 3ed)", "« {text} » n'est pas une durée (exemples : 5j, 2,5sem, 4h, 3jc)";
    BadDate => "\"{text}\" is not a date (expected {format})", "« {text} » n'est pas une date (format attendu : {format})";
    BadPercent => "\"{text}\" is not a percentage between 0 and 100", "« {text} » n'est pas un pourcentage entre 0 et 100";
    BadPredecessors => "Predecessors \"{text}\": {reason}", "Prédécesseurs « {text} » : {reason}";
    PredUnknownRow => "there is no task {row}", "il n'y a pas de tâche {row}";
    PredSelf => "a task cannot precede itself", "une tâche ne peut pas se précéder elle-même";
    PredSummary => "a summary task cannot be linked to its own subtasks", "une tâche récapitulative ne peut pas être liée à ses propres sous-tâches";
    PredSyntax => "cannot read \"{part}\" (examples: 3, 3FS+2d, 5SS, 7FF-1d, 4SF+50%)", "illisible : « {part} » (exemples : 3, 3FD+2j, 5DD, 7FF-1j, 4DF+50%)";
    PredCycle => "this would create a dependency cycle", "cela créerait une boucle de dépendances";
    FinishBeforeStart => "The finish cannot be before the start", "La fin ne peut pas précéder le début";
    UnsavedTitle => "Unsaved changes", "Modifications non enregistrées";
    UnsavedBody => "Save the changes to \"{name}\" before closing it?", "Enregistrer les modifications de « {name} » avant de le fermer ?";
    DontSave => "Don't save", "Ne pas enregistrer";
    Cancel => "Cancel", "Annuler";
    AboutBody => "Pilote {version}: a planner for IT project managers. Plans, people, budget, specifications, tests, risks and steering committees in one file.", "Pilote {version} : le planificateur des chefs de projet SI. Planning, équipe, budget, spécifications, recette, risques et comités de pilotage dans un seul fichier.";
    Close => "Close", "Fermer";
    Problems => "{count} problems", "{count} problèmes";
    NoProblems => "No problems", "Aucun problème";
    ProblemsTitle => "Problems in this project", "Problèmes de ce projet";
    RecentEmpty => "No recent files", "Aucun fichier récent";
    TasksSummary => "{tasks} tasks · {summaries} phases and summaries · {milestones} milestones", "{tasks} tâches · {summaries} phases et récapitulatives · {milestones} jalons";
    FieldName => "Name", "Nom";
    FieldCode => "Code", "Code";
    FieldClient => "Client / project owner", "Client / maîtrise d'ouvrage";
    FieldSponsor => "Sponsor", "Commanditaire";
    FieldManager => "Project manager", "Chef de projet";
    FieldDescription => "Description", "Description";
    FieldCurrency => "Currency", "Devise";
    FieldMethodology => "Methodology", "Méthodologie";
    FieldStart => "Project start", "Début du projet";
    FieldStatusDate => "Status date", "Date d'état";
    FieldNone => "(none)", "(aucune)";
    Waterfall => "Waterfall (V-cycle)", "Cycle en V";
    Agile => "Agile", "Agile";
    Hybrid => "Hybrid", "Hybride";
    ProjectCounts => "Contents", "Contenu";
    CountTasks => "Tasks", "Tâches";
    CountResources => "Resources", "Ressources";
    CountRequirements => "Requirements", "Exigences";
    CountDeliverables => "Deliverables", "Livrables";
    CountTestCases => "Test cases", "Cas de test";
    CountAnomalies => "Anomalies", "Anomalies";
    CountRisks => "Risks", "Risques";
    CountMeetings => "Steering committees and meetings", "Comités de pilotage et réunions";
    DropToOpen => "Drop a .pilote.ron file to open it", "Déposez un fichier .pilote.ron pour l'ouvrir";
    FileFilterName => "Pilote project", "Projet Pilote";
    MsProjectFilterName => "MS Project XML", "MS Project XML";
    Imported => "Imported {file} from MS Project ({warnings} warnings); Save asks where to keep it", "{file} importé de MS Project ({warnings} avertissements) ; Enregistrer demandera où le garder";
    DateFormatHint => "DD/MM/YYYY", "JJ/MM/AAAA";
    VDuplicateId => "{collection}: id {id} is used more than once", "{collection} : l'identifiant {id} est utilisé plusieurs fois";
    VDangling => "{what} refers to {target} {id}, which does not exist", "{what} fait référence à {target} {id}, qui n'existe pas";
    VtTask => "task", "la tâche";
    VtCalendar => "calendar", "le calendrier";
    VtResource => "resource", "la ressource";
    VtRequirement => "requirement", "l'exigence";
    VtDeliverable => "deliverable", "le livrable";
    VtTestCase => "test case", "le cas de test";
    VtCampaign => "campaign", "la campagne";
    VtTestRun => "test run", "l'exécution de test";
    VtAnomaly => "anomaly", "l'anomalie";
    VtRisk => "risk", "le risque";
    VwProject => "the project", "le projet";
    VwResource => "resource \"{name}\"", "la ressource « {name} »";
    VwAssignment => "assignment {id}", "l'affectation {id}";
    VwCostItem => "cost item \"{name}\"", "le poste de coût « {name} »";
    VwBudgetLine => "budget line {id}", "la ligne budgétaire {id}";
    VwBaseline => "baseline {n}", "la référence {n}";
    VwDeliverable => "deliverable {code}", "le livrable {code}";
    VwTestCase => "test case {code}", "le cas de test {code}";
    VwCampaign => "campaign \"{name}\"", "la campagne « {name} »";
    VwTestRun => "test run {id}", "l'exécution de test {id}";
    VwLoadTest => "load test \"{name}\"", "le test de charge « {name} »";
    VwAnomaly => "anomaly {code}", "l'anomalie {code}";
    VwRisk => "risk {code}", "le risque {code}";
    VwMeetingAction => "an action of meeting \"{name}\"", "une action de la réunion « {name} »";
    VwCalendar => "calendar \"{name}\"", "le calendrier « {name} »";
    VwTask => "task {id} \"{name}\"", "la tâche {id} « {name} »";
    VwLink => "link {from} → {to}", "le lien {from} → {to}";
    VwRequirement => "requirement {code}", "l'exigence {code}";
    VMaxUnits => "{what}: maximum units must not be negative", "{what} : la capacité maximale ne peut pas être négative";
    VSkillLevel => "{what}: skill level {level} is not between 1 and 5", "{what} : le niveau de compétence {level} n'est pas entre 1 et 5";
    VLeave => "{what}: a leave period ends before it starts", "{what} : une absence finit avant de commencer";
    VUnits => "{what}: units must not be negative", "{what} : les unités ne peuvent pas être négatives";
    VBaselineNumber => "baseline number {n} is not between 0 and 10", "le numéro de référence {n} n'est pas entre 0 et 10";
    VFinishesBeforeStart => "{what} finishes before it starts", "{what} finit avant de commencer";
    VOneToFive => "{what}: {field} {value} is not between 1 and 5", "{what} : {field} {value} n'est pas entre 1 et 5";
    VProbability => "probability", "la probabilité";
    VImpact => "impact", "l'impact";
    VDerivedFromItself => "{what} is derived from itself through its base calendars", "{what} dérive de lui-même par ses calendriers de base";
    VInheritWithoutBase => "{what} has no base calendar, so none of its days can inherit", "{what} n'a pas de calendrier de base : aucun de ses jours ne peut en hériter";
    VExceptionOrder => "{what}: exception \"{name}\" ends before it starts", "{what} : l'exception « {name} » finit avant de commencer";
    VOutline => "{what}: outline level {level} cannot follow level {previous}", "{what} : le niveau hiérarchique {level} ne peut pas suivre le niveau {previous}";
    VPercent => "{what}: {value} % complete is more than 100 %", "{what} : {value} % achevé dépasse 100 %";
    VPriority => "{what}: priority {value} is more than 1000", "{what} : la priorité {value} dépasse 1000";
    VNegativeDuration => "{what}: the duration is negative", "{what} : la durée est négative";
    VSelfLink => "task {id} is linked to itself", "la tâche {id} est liée à elle-même";
    VDuplicateLink => "{what} is given more than once", "{what} est donné plusieurs fois";
    VSummaryLink => "{what} links a summary task to one of its own subtasks", "{what} lie une tâche récapitulative à l'une de ses propres sous-tâches";
    VLagNaN => "{what}: the lag is not a number", "{what} : le décalage n'est pas un nombre";
    VDependencyCycle => "dependency cycle: {tasks}", "boucle de dépendances : {tasks}";
    VRequirementCycle => "{what} is its own ancestor in the requirement tree", "{what} est son propre ancêtre dans l'arbre des exigences";
    RestoreTitle => "Restore your last project?", "Reprendre votre dernier projet ?";
    RestoreBody => "This browser kept \"{name}\" from your last visit. Restore it, or start from the sample project?", "Ce navigateur a conservé « {name} » depuis votre dernière visite. Le reprendre, ou partir du projet exemple ?";
    Restore => "Restore", "Reprendre";
    StartFromSample => "Start from the sample", "Partir de l'exemple";
    Restored => "Restored {file} from this browser's storage", "{file} repris depuis le stockage du navigateur";
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/// Short month name ("Jan" / "janv.").
pub fn month_name(lang: Lang, month0: u32) -> &'static str {
    let i = (month0 as usize).min(11);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Fr => MONTHS_FR[i],
    }
}

/// Short weekday name ("Mon" / "lun."), Monday = 0.
pub fn weekday_name(lang: Lang, monday0: u32) -> &'static str {
    let i = (monday0 as usize).min(6);
    match lang {
        Lang::En => WEEKDAYS_EN[i],
        Lang::Fr => WEEKDAYS_FR[i],
    }
}

/// A date as the table shows it: "Mon 12/01/26"-style is ambiguous across locales, so both
/// languages spell the month: "Mon 12 Jan 2026" / "lun. 12 janv. 2026".
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(lang, date.weekday().num_days_from_monday()),
        date.day(),
        month_name(lang, date.month0()),
        date.year()
    )
}

/// A date and time: "Mon 12 Jan 2026 08:00".
pub fn format_date_time(lang: Lang, at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(lang, at.date()),
        at.hour(),
        at.minute()
    )
}

/// Money with thousands separated and the currency's sign: "€981,562" / "981 562 €".
pub fn format_money(lang: Lang, amount: f64, currency: &str) -> String {
    let sign = if amount < -0.5 { "−" } else { "" };
    let digits = format!("{:.0}", amount.abs());
    let separator = match lang {
        Lang::En => ',',
        Lang::Fr => '\u{202F}',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    let symbol = currency_symbol(currency);
    match lang {
        Lang::En if symbol.chars().count() == 1 => format!("{sign}{symbol}{grouped}"),
        _ => format!("{sign}{grouped}\u{a0}{symbol}"),
    }
}

/// Money in thousands or millions for chart axes: "€982k" / "982 k€".
pub fn format_money_short(lang: Lang, amount: f64, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    let (value, unit) = if amount.abs() >= 1e6 {
        (amount / 1e6, "M")
    } else if amount.abs() >= 1e3 {
        (amount / 1e3, "k")
    } else {
        (amount, "")
    };
    let number = if value.abs() >= 100.0 || value.fract().abs() < 0.05 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match lang {
        Lang::En if symbol.chars().count() == 1 => format!("{symbol}{number}{unit}"),
        Lang::En => format!("{number}{unit} {symbol}"),
        Lang::Fr => format!("{}\u{a0}{unit}{symbol}", number.replace('.', ",")),
    }
}

fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "CHF" => "CHF",
        other => other,
    }
}

/// An index such as SPI: "0.975" / "0,975".
pub fn format_index(lang: Lang, value: f64) -> String {
    let text = format!("{value:.3}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// A date in the compact numeric form users type: 12/01/2026 in both languages (day first, as
/// in France and the UK).
pub fn format_date_numeric(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Reads a date typed by a user: `12/01/2026`, `12/01/26`, `12.01.2026` or ISO `2026-01-12`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let day: u32 = d.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += 2000;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for text in T::ALL {
            assert!(!text.get(Lang::En).is_empty(), "{text:?} has no English");
            assert!(!text.get(Lang::Fr).is_empty(), "{text:?} has no French");
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        assert_eq!(format_date(Lang::En, date), "Mon 12 Jan 2026");
        assert_eq!(format_date(Lang::Fr, date), "lun. 12 janv. 2026");
        assert_eq!(parse_date("12/01/2026"), Some(date));
        assert_eq!(parse_date("12/01/26"), Some(date));
        assert_eq!(parse_date("2026-01-12"), Some(date));
        assert_eq!(parse_date("31/02/2026"), None);
    }
}
