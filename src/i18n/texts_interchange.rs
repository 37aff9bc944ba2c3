//! The texts of exchanging plans with other tools: exports (MS Project XML, CSV, iCalendar,
//! the steering-committee report) and the CSV import's mapping, preview and refusals.
//! Each area's macro adds its entries to those it is given and hands them all on, so that
//! [`super::T`] stays one enum.

macro_rules! texts_interchange {
    ($($done:tt)*) => {
        texts! {
            $($done)*
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
