//! The texts of exchanging plans with other tools: exports (MS Project XML, CSV, iCalendar,
//! the steering-committee report) and the CSV import's mapping, preview and refusals.
//! Each area's macro adds its entries to those it is given and hands them all on, so that
//! [`super::T`] stays one enum.

macro_rules! texts_interchange {
    ($($done:tt)*) => {
        texts! {
            $($done)*
            ReportTitle => "Steering committee status report", "Rapport de comité de pilotage";
            ReportStatusAt => "Status at {date}", "Situation au {date}";
            ReportManager => "Project manager", "Chef de projet";
            ReportClient => "Project owner", "Maîtrise d'ouvrage";
            ReportOverall => "Overall status", "Météo générale";
            ReportMessage => "Message from the project manager", "Message du chef de projet";
            ReportConfidence => "Confidence", "Niveau de confiance";
            ReportConfidenceText => "Schedule risk analysis ({iterations} runs): finish {p50} at 50 %, {p80} at 80 %; {chance} chance of meeting the baseline finish.", "Analyse de risque du planning ({iterations} tirages) : fin le {p50} à 50 %, le {p80} à 80 % ; {chance} de chances de tenir la fin de référence.";
            ReportNoConfidence => "No schedule risk analysis was run for this report.", "Aucune analyse de risque du planning n'a été faite pour ce rapport.";
            ReportMilestonesNext => "Milestones of the next 90 days", "Jalons des 90 prochains jours";
            ReportMilestonesSlipped => "Milestones that slipped since the baseline", "Jalons qui ont glissé depuis la référence";
            ReportMilestone => "Milestone", "Jalon";
            ReportPlanned => "Planned", "Prévu";
            ReportForecast => "Forecast", "Prévision";
            ReportSlip => "Slip (days)", "Glissement (jours)";
            ReportNone => "None.", "Aucun.";
            ReportGantt => "Phases and key milestones", "Phases et jalons clés";
            ReportSCurve => "Earned value (S-curve)", "Valeur acquise (courbe en S)";
            ReportBudget => "Budget", "Budget";
            ReportByPhase => "By phase", "Par phase";
            ReportByYear => "By year", "Par année";
            ReportApproved => "Approved", "Approuvé";
            ReportActual => "Actual", "Réalisé";
            ReportAtCompletion => "Forecast at completion", "Prévision à terminaison";
            ReportProviderShare => "Providers account for {share} of the work's cost at completion ({amount}).", "Les prestataires représentent {share} du coût du travail à terminaison ({amount}).";
            ReportTests => "Tests and acceptance", "Tests et recette";
            ReportCampaign => "Campaign", "Campagne";
            ReportCases => "Cases", "Cas";
            ReportRun => "Run", "Exécutés";
            ReportPassed => "Passed", "Réussis";
            ReportCoverage => "Requirements covered by a test: {covered} of {total}; passed at their last run: {passed}.", "Exigences couvertes par un test : {covered} sur {total} ; réussies à leur dernière exécution : {passed}.";
            ReportBlocking => "Open blocking anomalies", "Anomalies bloquantes ouvertes";
            ReportTopRisks => "Top five risks", "Cinq premiers risques";
            ReportRisk => "Risk", "Risque";
            ReportReported => "Reported on", "Signalée le";
            ReportProjectLevel => "Project level", "Niveau projet";
            ReportAnomaly => "Anomaly", "Anomalie";
            ReportExposure => "Exposure", "Criticité";
            ReportMitigation => "Mitigation", "Mitigation";
            ReportDecisions => "Decisions expected from this committee", "Décisions attendues de ce comité";
            ReportActions => "Open action items", "Actions ouvertes";
            ReportOwner => "Owner", "Responsable";
            ReportDue => "Due", "Échéance";
            ReportLate => "late", "en retard";
            ReportTileSchedule => "Schedule", "Délais";
            ReportTileCost => "Cost", "Coûts";
            ReportTileScope => "Scope", "Périmètre";
            ReportTileQuality => "Quality", "Qualité";
            ReportTileRisks => "Risks", "Risques";
            ReportReasonAllGreen => "every indicator is green", "tous les indicateurs sont au vert";
            ReportReason => "{tiles}", "{tiles}";
            ReportPv => "Planned value", "Valeur planifiée";
            ReportEv => "Earned value", "Valeur acquise";
            ReportAc => "Actual cost", "Coût réel";
            RagGreenWord => "green", "vert";
            RagAmberWord => "amber", "orange";
            RagRedWord => "red", "rouge";
            RagUnknownWord => "not judged", "non évalué";
            IcsDue => "due", "à remettre";
            CsvNoName => "no name", "pas de nom";
            CsvNoCode => "no code", "pas de code";
            CsvNoTitle => "no title", "pas de titre";
            CsvBadDuration => "“{text}” is not a duration", "« {text} » n'est pas une durée";
            CsvBadNumber => "{column}: “{text}” is not a number", "{column} : « {text} » n'est pas un nombre";
            CsvBadPercent => "“{text}” is not a percentage from 0 to 100", "« {text} » n'est pas un pourcentage de 0 à 100";
            CsvBadDate => "{column}: “{text}” is not a date", "{column} : « {text} » n'est pas une date";
            CsvBadLevel => "outline level “{text}” is not a number from 1", "niveau hiérarchique « {text} » : pas un nombre à partir de 1";
            CsvBadChoice => "{column}: “{text}” is not one of {choices}", "{column} : « {text} » n'est pas l'une des valeurs {choices}";
            CsvConstraintNoDate => "constraint “{text}” needs a date", "la contrainte « {text} » demande une date";
            CsvNewResource => "new resource “{name}”", "nouvelle ressource « {name} »";
            CsvBadResources => "resources “{text}” cannot be read", "ressources « {text} » illisibles";
            CsvBadPredecessors => "predecessors “{text}” cannot be read", "prédécesseurs « {text} » illisibles";
            CsvPredecessorMissing => "predecessor {id} is not a row of the file that is imported", "le prédécesseur {id} n'est pas une ligne importée du fichier";
            CsvDuplicateName => "a resource named “{text}” exists already", "une ressource s'appelle déjà « {text} »";
            CsvDuplicateCode => "code {text} is used already", "le code {text} est déjà utilisé";
            CsvUnknownRequirement => "no requirement has the code {text}", "aucune exigence n'a le code {text}";
            CsvNoNameColumn => "no column is mapped to {field}: nothing can be imported", "aucune colonne n'est associée à {field} : rien ne peut être importé";
            CsvLine => "line {line}", "ligne {line}";
            CsvImported => "Imported {count} {count|row|rows} from {file} into {table}", "{count} ligne{count||s} importée{count||s} de {file} dans {table}";
            CsvNothingToImport => "No row of {file} can be imported", "Aucune ligne de {file} ne peut être importée";
        }
    };
}
