//! Words for sync: why it stopped, what the last sync did, how many conflicts wait.

use super::{fmt, n, s, Fmt, Msg};
use crate::domain::text::Locale;
use crate::sync::couch::Problem;

/// The message for each reason a sync or a connection test did not go through.
pub fn problem(p: Problem) -> Msg {
    match p {
        Problem::BadAddress => Msg::SyncProblemBadAddress,
        Problem::OtherOrigin => Msg::SyncProblemOtherOrigin,
        Problem::Unreachable => Msg::SyncProblemUnreachable,
        Problem::WrongPassword => Msg::SyncProblemWrongPassword,
        Problem::SignIn => Msg::SyncProblemSignIn,
        Problem::NoAccess => Msg::SyncProblemNoAccess,
        Problem::NoDatabase => Msg::SyncProblemNoDatabase,
        Problem::NotCouch => Msg::SyncProblemNotCouch,
        Problem::Server => Msg::SyncProblemServer,
        Problem::Device => Msg::SyncProblemDevice,
    }
}

/// "Last sync 12/6/2026, 9:14 AM. Since sync was turned on: 3 changes received, 1 sent."
/// (`when` is written the reader's way by the caller.)
pub fn last(locale: Locale, when: &str, pulled: usize, pushed: usize) -> String {
    fmt(locale, Fmt::SyncLast, &[("when", s(when)), ("pulled", n(pulled as f64)), ("pushed", n(pushed as f64))])
}

pub fn conflicts(locale: Locale, count: usize) -> String {
    fmt(locale, Fmt::SyncConflictsCount, &[("count", n(count as f64))])
}

/// A differing field's place (`role_title`, `completions › c-1 › hours`) with the fields a
/// person knows by name written as the forms label them.
pub fn field(locale: Locale, path: &str) -> String {
    path.split(" › ")
        .map(|part| {
            let msg = match part {
                "name" => Msg::LabelName,
                "worker_type" => Msg::LabelWorkerType,
                "preferred_language" => Msg::LabelPreferredLanguage,
                "role_title" => Msg::LabelRoleTitle,
                "organization" => Msg::LabelOrganization,
                "program" => Msg::LabelProgram,
                "hire_date" => Msg::LabelHireDate,
                "employment_type" => Msg::LabelEmploymentType,
                "supervisor" => Msg::LabelSupervisor,
                "supervising_org" => Msg::LabelSupervisingOrg,
                "email" => Msg::LabelEmail,
                "notes" => Msg::LabelNotes,
                other => return other.to_owned(),
            };
            msg.text(locale).to_owned()
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_each_languages_plural() {
        // Spain's format (es-ES): es-US, the default here, is tested in `spanish_numbers_follow_the_readers_region`.
        crate::i18n::set_spanish_region(&["es-ES".into()]);
        assert_eq!(last(Locale::En, "today", 1, 2), "Last sync today. Since sync was turned on: 1 change received, 2 sent.");
        assert_eq!(last(Locale::Es, "hoy", 2_000, 1), "Última sincronización hoy. Desde que se encendió: 2.000 cambios recibidos, 1 enviado.");
        assert_eq!(conflicts(Locale::En, 1), "1 record has two versions.");
        assert_eq!(conflicts(Locale::Es, 3), "3 registros tienen dos versiones.");
        assert_eq!(field(Locale::En, "role_title"), "Role title");
        assert_eq!(field(Locale::En, "completions › c-1 › notes"), "completions › c-1 › Notes");
        assert_ne!(problem(Problem::WrongPassword).text(Locale::Es), problem(Problem::WrongPassword).text(Locale::En));
    }
}
