//! What a CSV column can be imported as, per table, and the headers each field is recognised
//! by: Pilote's own (English and French), MS Project's and Jira's CSV exports.

use crate::i18n::Lang;
use crate::io::csv::Table;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsvField {
    /// The row's number, which the Predecessors column refers to (MS Project's ID).
    Id,
    Name,
    OutlineLevel,
    Wbs,
    Duration,
    /// Jira's estimate, in seconds.
    EstimateSeconds,
    Start,
    Predecessors,
    Resources,
    Percent,
    Milestone,
    ConstraintType,
    ConstraintDate,
    Deadline,
    Notes,
    /// Jira's status: a done issue is a task done.
    Status,
    /// Jira's issue key, kept in the notes.
    Key,
    Initials,
    ResourceKind,
    Group,
    Role,
    Email,
    MaxUnits,
    StandardRate,
    RatePer,
    CostPerUse,
    Provider,
    Code,
    Title,
    RequirementKind,
    Priority,
    Source,
    Description,
    Acceptance,
    TestKind,
    Requirements,
    Steps,
    Expected,
}

impl CsvField {
    /// The fields a table's rows can fill, in the order the mapping step lists them.
    pub fn of(table: Table) -> &'static [CsvField] {
        use CsvField as F;
        match table {
            Table::Tasks => &[
                F::Id,
                F::Name,
                F::OutlineLevel,
                F::Wbs,
                F::Duration,
                F::EstimateSeconds,
                F::Start,
                F::Predecessors,
                F::Resources,
                F::Percent,
                F::Milestone,
                F::ConstraintType,
                F::ConstraintDate,
                F::Deadline,
                F::Notes,
                F::Status,
                F::Key,
            ],
            Table::Resources => &[
                F::Name,
                F::Initials,
                F::ResourceKind,
                F::Group,
                F::Role,
                F::Email,
                F::MaxUnits,
                F::StandardRate,
                F::RatePer,
                F::CostPerUse,
                F::Provider,
                F::Notes,
            ],
            Table::Requirements => &[
                F::Code,
                F::Title,
                F::RequirementKind,
                F::Priority,
                F::Status,
                F::Source,
                F::Description,
                F::Acceptance,
            ],
            Table::Tests => &[
                F::Code,
                F::Title,
                F::TestKind,
                F::Requirements,
                F::Steps,
                F::Expected,
            ],
            _ => &[],
        }
    }

    /// The field a row cannot do without.
    pub fn required(table: Table) -> CsvField {
        match table {
            Table::Requirements | Table::Tests => CsvField::Code,
            _ => CsvField::Name,
        }
    }

    /// English and French name, as the mapping step shows it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = self.names()[0];
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// Headers that mean this field (compared without case), English then French: the first
    /// pair is Pilote's own export header.
    fn names(self) -> &'static [(&'static str, &'static str)] {
        use CsvField as F;
        match self {
            F::Id => &[("ID", "N°"), ("id", "no"), ("#", "numéro")],
            F::Name => &[
                ("Name", "Nom"),
                ("Task Name", "Nom de la tâche"),
                ("Summary", "Résumé"),
                ("Resource Name", "Nom de la ressource"),
            ],
            F::OutlineLevel => &[("Outline Level", "Niveau hiérarchique")],
            F::Wbs => &[
                ("WBS", "Code WBS"),
                ("Outline Number", "Numéro hiérarchique"),
            ],
            F::Duration => &[("Duration", "Durée")],
            F::EstimateSeconds => &[
                ("Original Estimate", "Estimation originale"),
                ("Original estimate", "Estimation initiale"),
            ],
            F::Start => &[("Start", "Début")],
            F::Predecessors => &[("Predecessors", "Prédécesseurs")],
            F::Resources => &[
                ("Resource Names", "Noms ressources"),
                ("Assignee", "Responsable"),
                ("Resources", "Ressources"),
            ],
            F::Percent => &[
                ("% Complete", "% achevé"),
                ("Percent Complete", "Pourcentage achevé"),
            ],
            F::Milestone => &[("Milestone", "Jalon")],
            F::ConstraintType => &[("Constraint Type", "Type de contrainte")],
            F::ConstraintDate => &[("Constraint Date", "Date de contrainte")],
            F::Deadline => &[
                ("Deadline", "Échéance"),
                ("Due Date", "Date d'échéance"),
                ("Due date", "Date limite"),
            ],
            F::Notes => &[("Notes", "Notes")],
            F::Status => &[("Status", "Statut"), ("Status", "État")],
            F::Key => &[("Issue key", "Clé de ticket"), ("Key", "Clé")],
            F::Initials => &[("Initials", "Initiales")],
            F::ResourceKind => &[("Type", "Type"), ("Kind", "Nature")],
            F::Group => &[("Group", "Groupe"), ("Team", "Équipe")],
            F::Role => &[("Role", "Rôle")],
            F::Email => &[
                ("Email", "Adresse de messagerie"),
                ("Email Address", "Courriel"),
            ],
            F::MaxUnits => &[
                ("Max Units (%)", "Capacité max. (%)"),
                ("Max Units", "Capacité max."),
            ],
            F::StandardRate => &[("Standard Rate", "Taux standard")],
            F::RatePer => &[("Rate Per", "Taux par")],
            F::CostPerUse => &[("Cost Per Use", "Coût par utilisation")],
            F::Provider => &[("Provider", "Prestataire")],
            F::Code => &[
                ("Code", "Code"),
                ("ID", "Identifiant"),
                ("Issue key", "Clé de ticket"),
            ],
            F::Title => &[("Title", "Titre"), ("Summary", "Résumé"), ("Name", "Nom")],
            F::RequirementKind => &[("Kind", "Nature"), ("Type", "Type")],
            F::Priority => &[("Priority", "Priorité"), ("MoSCoW", "MoSCoW")],
            F::Source => &[("Source", "Source")],
            F::Description => &[("Description", "Description")],
            F::Acceptance => &[("Acceptance Criteria", "Critères d'acceptation")],
            F::TestKind => &[("Kind", "Type"), ("Type", "Nature")],
            F::Requirements => &[("Requirements", "Exigences"), ("Covers", "Couvre")],
            F::Steps => &[("Steps", "Étapes")],
            F::Expected => &[
                ("Expected Result", "Résultat attendu"),
                ("Expected", "Attendu"),
            ],
        }
    }

    fn matches(self, header: &str) -> bool {
        let header = header.trim().to_lowercase();
        self.names()
            .iter()
            .any(|(en, fr)| en.to_lowercase() == header || fr.to_lowercase() == header)
    }
}

/// Each column's field, found by its header; a field is given to the first column that
/// names it, and a column no field recognises is left out.
pub fn auto_mapping(table: Table, headers: &[String]) -> Vec<Option<CsvField>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|header| {
            let found = CsvField::of(table)
                .iter()
                .copied()
                .find(|f| !taken.contains(f) && f.matches(header));
            if let Some(f) = found {
                taken.push(f);
            }
            found
        })
        .collect()
}
