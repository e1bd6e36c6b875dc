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
