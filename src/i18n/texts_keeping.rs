//! The texts of keeping a plan safe: recovery after a crash, the lock note of a file open
//! elsewhere, a file changed on disk, merge conflicts.
//! Each area's macro adds its entries to those it is given and hands them all on, so that
//! [`super::T`] stays one enum.

macro_rules! texts_keeping {
    ($($done:tt)*) => {
        texts_interchange! {
            $($done)*
            RecoverTitle => "Recover unsaved work?", "Récupérer le travail non enregistré ?";
            RecoverBody => "Pilote closed without saving \"{name}\" ({file}). A copy from {time} was kept.", "Pilote s'est fermé sans enregistrer « {name} » ({file}). Une copie de {time} a été conservée.";
            RecoverNoFile => "not saved to a file yet", "pas encore enregistré dans un fichier";
            RecoverMore => "{count} more {count|copy waits|copies wait} after this one.", "{count} autre{count||s} copie{count||s} {count|attend|attendent} après celle-ci.";
            Discard => "Discard", "Abandonner";
            RecoveredStatus => "Recovered {name} as it was at {time}: save it to keep it", "{name} récupéré tel qu'il était à {time} : enregistrez-le pour le garder";
            RecoveryFailed => "Cannot keep a recovery copy: {error}", "Impossible de garder une copie de récupération : {error}";
            LockedTitle => "This file is open elsewhere", "Ce fichier est ouvert ailleurs";
            LockedBody => "{file} has been open by {user} on {host} since {since}. What you save could overwrite their changes.", "{file} est ouvert par {user} sur {host} depuis {since}. Ce que vous enregistrerez pourrait écraser ses modifications.";
            OpenReadOnly => "Open read-only", "Ouvrir en lecture seule";
            TakeOver => "Take it over", "Le reprendre";
            ReadOnlyStatus => "{file} is open read-only: Save asks for another file", "{file} est ouvert en lecture seule : Enregistrer demande un autre fichier";
            ReadOnlyMark => "read-only", "lecture seule";
            ChangedTitle => "The file changed on disk", "Le fichier a changé sur le disque";
            ChangedBody => "Someone saved {file} after you opened it. Saving now would overwrite what they saved.", "Quelqu'un a enregistré {file} après que vous l'avez ouvert. Enregistrer maintenant écraserait ce qu'il a enregistré.";
            ShowChanges => "Show their changes", "Voir leurs modifications";
            ChangesOnDisk => "{count} {count|change|changes} saved on disk since you opened it:", "{count} modification{count||s} enregistrée{count||s} sur le disque depuis l'ouverture :";
            MergeTheirs => "Merge their changes", "Fusionner leurs modifications";
            Overwrite => "Overwrite", "Écraser";
            MergedStatus => "Merged the changes saved in {file}: {count} {count|conflict|conflicts} to settle; save to keep the result", "Modifications enregistrées dans {file} fusionnées : {count} conflit{count||s} à trancher ; enregistrez pour garder le résultat";
            ChangedUnreadable => "{file} changed on disk and cannot be read back: {error}", "{file} a changé sur le disque et ne peut être relu : {error}";
            MergeConflictsTitle => "Merge conflicts", "Conflits de fusion";
            ConflictsBody => "Both copies changed these fields differently. The plan holds yours until you pick.", "Les deux copies ont modifié ces champs différemment. Le plan garde les vôtres tant que vous n'avez pas choisi.";
            ConflictOurs => "ours: {value}", "les nôtres : {value}";
            ConflictTheirs => "theirs: {value}", "les leurs : {value}";
            Absent => "(absent)", "(absent)";
            KeepOurs => "Keep ours", "Garder les nôtres";
            TakeTheirs => "Take theirs", "Prendre les leurs";
            CmdConflicts => "Merge conflicts…", "Conflits de fusion…";
            CmdConflictsTip => "Pick, field by field, what a merge left undecided", "Choisir, champ par champ, ce qu'une fusion a laissé en suspens";
            ConflictsStatus => "{count} merge {count|conflict|conflicts} to settle (Edit ▸ Merge conflicts…)", "{count} conflit{count||s} de fusion à trancher (Édition ▸ Conflits de fusion…)";
            NoConflicts => "No merge conflict left", "Plus aucun conflit de fusion";
        }
    };
}
