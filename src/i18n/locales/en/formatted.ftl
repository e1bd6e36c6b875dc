# Escalera's messages with numbers, dates and names, in English (Fluent syntax,
# https://projectfluent.org/). Variables start with $. A comment "Counts: $x" names the
# numbers whose plural forms the message must choose: [one] for exactly 1, *[other] for the
# rest. Numbers are written the reader's way by the app (2,000.5); dates arrive written out.

# Counts: $count
people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}

# Counts: $total
showing-people = Showing { $shown } of { $total ->
    [one] 1 person
   *[other] { $total } people
}. Search to narrow the list.

# Counts: $count
trainings-count = { $count ->
    [one] 1 training
   *[other] { $count } trainings
}

listed-of = Showing { $shown } of { $total }. The CSV has all of them.

upgrade-progress = Updating your saved records for this version: { $done } of { $total }. Please keep this tab open.

# Counts: $required
hours-of = { $done } of { $required ->
    [one] 1 hour
   *[other] { $required } hours
}

# Counts: $count
rule-history = { $count ->
    [one] History: 1 earlier rule
   *[other] History: { $count } earlier rules
}

pathway-title = Pathway { $position }

# Counts: $years, $months
years-and-months = { $years ->
    [0] { $months ->
        [one] 1 month
       *[other] { $months } months
    }
   *[other] { $months ->
        [0] { $years ->
            [one] 1 year
           *[other] { $years } years
        }
       *[other] { $years ->
            [one] 1 year
           *[other] { $years } years
        } and { $months ->
            [one] 1 month
           *[other] { $months } months
        }
    }
}

## Dates and lists

# $month: the month's name; $day, $year: written out.
date = { $month } { $day }, { $year }
# Names joined: $rest is every name but the last, comma-separated.
list-and = { $rest } and { $last }
list-or = { $rest } or { $last }

## What to do next ($date: a deadline, written out; $what: training names, joined)

complete-by = Complete { $what } by { $date }
complete = Complete { $what }
renew-by = Renew by { $date }
renew-between = Renew between { $opens } and { $date }
# $hours: the number written out; $amount: the same number, for its plural form.
# Counts: $amount
more-category-hours = { $amount ->
    [one] { $hours } more { $category } hour
   *[other] { $hours } more { $category } hours
}
# Counts: $amount
more-hours = { $amount ->
    [one] { $hours } more hour
   *[other] { $hours } more hours
}
more-in-all = { $what } ({ $hours } more in all)
hours-by = { $what } by { $date }
# A threshold: more than $hours hours within $months months, $worked so far.
# Counts: $amount, $months
work-more-than = Work more than { $amount ->
    [one] { $hours } hour
   *[other] { $hours } hours
} within { $months ->
    [one] 1 month
   *[other] { $months } months
} ({ $worked } so far)
# $years, $within, $sofar: spans written out ("5 years", "1 year and 2 months").
more-experience = { $years } of experience within the last { $within } ({ $sofar } so far)
on-file = On file: { $what } ({ $have } so far)
on-file-within = On file: { $what }, from the last { $within } ({ $have } so far)
first = First: { $requirement }

## Form problems

too-long = Use at most { $max } characters.
number-out-of-range = Enter a whole number from { $min } to { $max }.

## Validity and requirements ($unit, $month, $category: words; $phase: "odd years" or a list)

# $unit: days, months or years.
# Counts: $amount
valid-after = { $unit ->
    [days] { $amount ->
        [one] 1 day
       *[other] { $amount } days
    }
    [months] { $amount ->
        [one] 1 month
       *[other] { $amount } months
    }
   *[years] { $amount ->
        [one] 1 year
       *[other] { $amount } years
    }
} after completion
# Counts: $months
valid-end-of-month = Through the end of the month, { $months ->
    [one] 1 month
   *[other] { $months } months
} after completion
valid-every-year = Until { $month } { $day } every year
valid-every-years = Until { $month } { $day }, every { $years } years ({ $phase })
years-list = { $first }, { $second }, …
hold = Hold: { $what }
# Counts: $days
renew-early = { $text } · renew up to { $days ->
    [one] 1 day
   *[other] { $days } days
} early
# Counts: $days
due-within-hire = { $text } · due within { $days ->
    [one] 1 day
   *[other] { $days } days
} of hire
# Counts: $hours
hours-per-period = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} per period of { $requirement }
# Counts: $hours, $months
hours-every-from-hire = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} every { $months ->
    [one] month
   *[other] { $months } months
} from hire
# Counts: $hours, $months
hours-every = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} every { $months ->
    [one] month
   *[other] { $months } months
}
at-least = { $text }, at least { $hours } in { $category }

## A person's record

# Counts: $required
category-short = { $done } of the { $required ->
    [one] 1 { $category } hour
   *[other] { $required } { $category } hours
}
hours-but = { $text }, but { $short }
rule-version = From { $from } to { $until } (changed by { $by } on { $on }):
rule-version-first = Until { $until } (changed by { $by } on { $on }):
rule-since = Since { $date }:
waived-by = Waived by { $by }: { $reason }
waived-by-until = Waived by { $by }: { $reason } (until { $until })
timeline-valid = { $requirement }: { $training } — valid { $from } to { $until }
timeline-valid-restarted = { $requirement }: { $training } — valid { $from } to { $until } (late renewal: the period restarted)
timeline-no-expiry = { $requirement }: { $training } — valid from { $from }, no expiry
ready-on = Could be ready on { $date }
ready-on-with-plans = Could be ready on { $date }, with the planned trainings
since = since { $date }
hired-on = Hired { $date }
pay-hourly-annual = { $hourly } an hour ({ $annual } a year)

## Career ladders ($months, $hours, $more: written out with their plural, e.g. "4 months")

# Counts: $count
months = { $count ->
    [one] 1 month
   *[other] { $count } months
}
# Counts: $count
more-months = { $count ->
    [one] 1 more month
   *[other] { $count } more months
}
# Counts: $hours
ladder-more-hours = { $hours ->
    [one] 1 more hour
   *[other] { $hours } more hours
}
# Counts: $hours
ladder-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
language-proficiency = Language proficiency: { $language }
# Counts: $count
letters-needed = { $count ->
    [one] 1 letter of recommendation or client testimonial
   *[other] { $count } letters of recommendation or client testimonials
}
# Counts: $count
births-needed = { $count ->
    [one] support at 1 birth
   *[other] support at { $count } births
}
other-needed = { $count } × { $kind }
rule-any-of = At least { $count } of these:
rule-current = { $requirement }: current
rule-training = { $training }: completed
rule-training-within = { $training }: completed within the last { $months }
rule-every-competency = Every one of { $framework } covered by completed trainings
rule-competencies = Covered by completed trainings: { $names }
rule-ce = { $hours } of continuing education within the last { $months }
rule-ce-categories = { $hours } of { $categories } within the last { $months }
rule-months-in-step = { $months } in the current step
rule-months-of-service = { $months } of service
rule-hours-worked = { $hours } worked
rule-hours-worked-within = { $hours } worked within the last { $months }
missing-status = { $requirement }: { $status }
missing-not-taken = { $training }: not taken
missing-too-long-ago = { $training }: last taken { $date }, too long ago
missing-competencies = Not yet covered: { $names }
missing-ce = { $more } of continuing education
missing-ce-categories = { $more } of { $categories }
missing-months-in-step = { $more } in this step (on { $date })
missing-months-of-service = { $more } of service (on { $date })
missing-hours-worked = { $more } worked
missing-attestation = { $kind }: attestation needed
missing-choose = { $count } more of: { $options }

## A training's validity history

validity-version = Completed from { $from } to { $until } (changed by { $by } on { $on }):
validity-version-first = Completed until { $until } (changed by { $by } on { $on }):
validity-since = Completed since { $date }:

## Backup files that cannot be restored

backup-not-json = This is not a backup file: it stops making sense at line { $line }, column { $column }. Nothing was changed.
backup-newer = This backup was made by a newer version of Escalera (data version { $version }; this app reads up to { $ours }). Update the app, then restore it. Nothing was changed.
backup-invalid = This backup has a record that is not valid, so nothing was restored: { $detail }
backup-breaks-rule = This backup has a record the app's forms would not accept, so nothing was restored: { $what } · { $field }: { $problem }
backup-duplicate = This backup has the same record twice ({ $kind }: { $id }), so nothing was restored.
# Counts: $count
backup-conflicts = { $count ->
    [one] 1 record differs between this device and the backup:
   *[other] { $count } records differ between this device and the backup:
}
backup-changed-on = changed { $date }
backup-reading = Reading the file: { $percent }%
# Counts: $total
backup-checking = { $total ->
    [one] Checking the records of { $done } of 1 person
   *[other] Checking the records of { $done } of { $total } people
}

# A training completed as an Open Badges 3.0 credential, in the person's language.
badge-description = Training: { $training }.
badge-criteria = Completed { $training } ({ $hours } hours) on { $date }.
badge-criteria-provider = Completed { $training } ({ $hours } hours) with { $provider } on { $date }.
badge-unsigned = Recorded by { $issuer } in Escalera. Unsigned: this file says what was recorded; it is not a verified credential until an issuer signs it.
# Counts: $days
last-backup = { $days ->
    [0] Last backup: today.
    [one] Last backup: yesterday.
   *[other] Last backup: { $days } days ago.
}
# Counts: $days
backup-reminder = { $days ->
    [one] The last backup was 1 day ago. Download a new one to keep today's changes safe.
   *[other] The last backup was { $days } days ago. Download a new one to keep your recent changes safe.
}

# A person's calendar file (.ics): one event per coming date, in the person's language.
calendar-name = Escalera: { $name }
calendar-window-opens = { $what }: renewal window opens
calendar-last-valid-day = { $what }: last valid day
calendar-deadline = { $what }: deadline

# Importing a person's record: who the file's person is here, and what is left as it is.
record-match-same = This is { $name }, already here.
record-match-email = This is { $name } here: the same email.
record-match-name = { $name } here has the same name.
record-match-new = { $name } is not here yet and will be added.
# Counts: $count
record-already-here = { $count ->
    [one] 1 record in the file is already here and stays as it is.
   *[other] { $count } records in the file are already here and stay as they are.
}
# Counts: $count
record-other-ladders = { $count ->
    [one] 1 placement is on a career ladder this organization does not have, and is left out.
   *[other] { $count } placements are on career ladders this organization does not have, and are left out.
}
record-newer = This record was made by a newer version of Escalera (format { $version }). Update the app, then import it. Nothing was changed.
record-invalid = This record has something that is not valid, so nothing was imported: { $detail }

transcript-printed-on = Printed on { $date }

# Counts: $days
trash-intro = Records removed from a person's record can be brought back for { $days ->
    [one] 1 day
   *[other] { $days } days
}. After that the app deletes them for good the next time it starts.

# Counts: $count
roster-ready = { $count ->
    [one] 1 person is ready to add.
   *[other] { $count } people are ready to add.
}
# Counts: $count
roster-add = { $count ->
    [one] Add 1 person
   *[other] Add { $count } people
}
# Counts: $count
roster-rows-with-problems = { $count ->
    [one] 1 row has a problem and will not be added.
   *[other] { $count } rows have problems and will not be added.
}
# Counts: $count
completions-ready = { $count ->
    [one] 1 training is ready to add.
   *[other] { $count } trainings are ready to add.
}
# Counts: $count
completions-add = { $count ->
    [one] Add 1 training
   *[other] Add { $count } trainings
}

# Counts: $count
mode-at-least = { $count ->
    [one] At least 1 of them
   *[other] At least { $count } of them
}
due-on = Due { $date }
# Counts: $count
due-after-hire = { $count ->
    [one] 1 day after hire
   *[other] { $count } days after hire
}
# Counts: $count
due-after-given = { $count ->
    [one] 1 day after it is given
   *[other] { $count } days after it is given
}
# Counts: $count
due-before-expiry = { $count ->
    [one] 1 day before the credential expires
   *[other] { $count } days before the credential expires
}
complete-on = Complete on { $date }
exempt-because = Exempt: { $reason } ({ $by }, { $date })
# Counts: $count
done-of = { $count ->
    [one] { $done } of 1 done
   *[other] { $done } of { $count } done
}
# Counts: $count
trainings-and-hours = { $count ->
    [one] 1 training, { $hours } hours
   *[other] { $count } trainings, { $hours } hours
}
version-number = Version { $version }
# Counts: $count
places-taken = { $count ->
    [one] { $taken } of 1 place taken
   *[other] { $taken } of { $count } places taken
}
# Counts: $count
signed-up = { $count ->
    [one] 1 person signed up
   *[other] { $count } people signed up
}
# Counts: $count
waiting = { $count ->
    [one] 1 waiting
   *[other] { $count } waiting
}
month-year = { $month } { $year }
# Counts: $count
assigned-to-count = { $count ->
    [one] Assigned to 1 person
   *[other] Assigned to { $count } people
}
# Counts: $count
board-showing = { $count ->
    [one] Showing 1 of { $total }
   *[other] Showing { $count } of { $total }
}
# Counts: $count
show-all-rows = { $count ->
    [one] Show all (1)
   *[other] Show all ({ $count })
}
# Counts: $count
recorded-count = { $count ->
    [one] Recorded 1 training completed.
   *[other] Recorded { $count } trainings completed.
}
reported-by = Self-reported by { $name } on { $date }
verified-by = Verified by { $name } on { $date }
rejected-by = Rejected by { $name } on { $date }: { $reason }
cohort-now = Now: { $names }
forecast-summary = Credentials entering their renewal window, per month: { $months }
already-assigned = Already assigned (given { $date }); nothing new was added.
sheet-title = Sign-in sheet · Hoja de registro: { $training }
# Counts: $hours
hours-counted = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}

# Counts: $pulled, $pushed
sync-last = Last sync { $when }. Since sync was turned on: { $pulled ->
    [one] 1 change received
   *[other] { $pulled } changes received
}, { $pushed ->
    [one] 1 sent
   *[other] { $pushed } sent
}.

# Counts: $count
sync-conflicts-count = { $count ->
    [one] 1 record has two versions.
   *[other] { $count } records have two versions.
}
attendance-opens-on = Attendance opens on { $date }, the session's day: nobody can have attended it before.
# Counts: $count
left-out-unverified = { $count ->
    [one] 1 self-reported training waiting for verification (or rejected) is not included.
   *[other] { $count } self-reported trainings waiting for verification (or rejected) are not included.
}
hours-not-counted = (plus { $hours } waiting for verification or rejected: not counted)
from-record-file = From a record file exported by { $by } on { $date }
# Counts: $count
waiting-count = { $count ->
    [one] 1 record is waiting.
   *[other] { $count } records are waiting.
}
# Counts: $expected
extra-cells = { $expected ->
    [one] This row has { $found } cells but the header names 1 column: nothing from it is added (look for a stray comma or semicolon).
   *[other] This row has { $found } cells but the header names { $expected } columns: nothing from it is added (look for a stray comma or semicolon).
}
next-pay-step-overdue = Overdue: it was due { $date }

# Counts: $count
made-ladders = { $count ->
    [one] 1 ladder
   *[other] { $count } ladders
}

# Counts: $count
made-pay-grades = { $count ->
    [one] 1 pay grade
   *[other] { $count } pay grades
}

# Counts: $count
made-promotion-plans = { $count ->
    [one] 1 promotion plan
   *[other] { $count } promotion plans
}

# Counts: $count
made-catalog = { $count ->
    [one] 1 training or requirement of your own
   *[other] { $count } trainings and requirements of your own
}

# Counts: $count
made-training-plans = { $count ->
    [one] 1 curriculum, cohort or assignment
   *[other] { $count } curricula, cohorts and assignments
}

# Counts: $count
example-remove-body = Its { $count ->
    [one] 1 fictional person goes
   *[other] { $count } fictional people go
}, with every training, hour and placement recorded for them. You can undo it from the notice that follows.
