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

/// "Last sync 12/6/2026, 9:14 AM: 3 changes received, 1 sent." (`when` is written the
/// reader's way by the caller.)
pub fn last(locale: Locale, when: &str, pulled: usize, pushed: usize) -> String {
    fmt(locale, Fmt::SyncLast, &[("when", s(when)), ("pulled", n(pulled as f64)), ("pushed", n(pushed as f64))])
}

pub fn conflicts(locale: Locale, count: usize) -> String {
    fmt(locale, Fmt::SyncConflictsCount, &[("count", n(count as f64))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_each_languages_plural() {
        assert_eq!(last(Locale::En, "today", 1, 2), "Last sync today: 1 change received, 2 sent.");
        assert_eq!(last(Locale::Es, "hoy", 2_000, 1), "Última sincronización hoy: 2.000 cambios recibidos, 1 enviado.");
        assert_eq!(conflicts(Locale::En, 1), "1 record has two versions.");
        assert_eq!(conflicts(Locale::Es, 3), "3 registros tienen dos versiones.");
        assert_ne!(problem(Problem::WrongPassword).text(Locale::Es), problem(Problem::WrongPassword).text(Locale::En));
    }
}
