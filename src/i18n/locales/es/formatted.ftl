# Mensajes de Escalera con números, fechas y nombres, en español (sintaxis Fluent,
# https://projectfluent.org/). Las variables empiezan con $. Un comentario "Counts: $x" nombra
# los números cuyas formas de plural debe elegir el mensaje: [one] para exactamente 1, *[other]
# para el resto. La app escribe los números a la manera del lector (2.000,5); las fechas llegan
# ya escritas.

# Counts: $count
people-count = { $count ->
    [one] 1 persona
   *[other] { $count } personas
}

# Counts: $total
showing-people = Se muestran { $shown } de { $total ->
    [one] 1 persona
   *[other] { $total } personas
}. Busque para acotar la lista.

# Counts: $count
trainings-count = { $count ->
    [one] 1 capacitación
   *[other] { $count } capacitaciones
}

listed-of = Se muestran { $shown } de { $total }. El CSV los tiene todos.

upgrade-progress = Actualizando sus registros guardados para esta versión: { $done } de { $total }. No cierre esta pestaña.

# Counts: $required
hours-of = { $done } de { $required ->
    [one] 1 hora
   *[other] { $required } horas
}

# Counts: $count
rule-history = { $count ->
    [one] Historial: 1 regla anterior
   *[other] Historial: { $count } reglas anteriores
}

pathway-title = Vía { $position }

# Counts: $years, $months
years-and-months = { $years ->
    [0] { $months ->
        [one] 1 mes
       *[other] { $months } meses
    }
   *[other] { $months ->
        [0] { $years ->
            [one] 1 año
           *[other] { $years } años
        }
       *[other] { $years ->
            [one] 1 año
           *[other] { $years } años
        } y { $months ->
            [one] 1 mes
           *[other] { $months } meses
        }
    }
}

## Fechas y listas

# $month: el nombre del mes; $day, $year: ya escritos.
date = { $day } de { $month } de { $year }
# Nombres unidos: $rest son todos menos el último, separados por comas.
list-and = { $rest } y { $last }
list-or = { $rest } o { $last }

## Qué hacer después ($date: una fecha límite, escrita; $what: nombres de capacitaciones)

complete-by = Completar { $what } a más tardar el { $date }
complete = Completar { $what }
renew-by = Renovar a más tardar el { $date }
renew-between = Renovar entre el { $opens } y el { $date }
# $hours: el número escrito; $amount: el mismo número, para su plural.
# Counts: $amount
more-category-hours = { $amount ->
    [one] { $hours } hora más de { $category }
   *[other] { $hours } horas más de { $category }
}
# Counts: $amount
more-hours = { $amount ->
    [one] { $hours } hora más
   *[other] { $hours } horas más
}
more-in-all = { $what } ({ $hours } más en total)
hours-by = { $what } a más tardar el { $date }
# Un umbral: más de $hours horas en $months meses, $worked hasta ahora.
# Counts: $amount, $months
work-more-than = Trabajar más de { $amount ->
    [one] { $hours } hora
   *[other] { $hours } horas
} en { $months ->
    [one] 1 mes
   *[other] { $months } meses
} ({ $worked } hasta ahora)
# $years, $within, $sofar: lapsos escritos ("5 años", "1 año y 2 meses").
more-experience = { $years } de experiencia en los últimos { $within } ({ $sofar } hasta ahora)
on-file = En el expediente: { $what } ({ $have } hasta ahora)
on-file-within = En el expediente: { $what }, de los últimos { $within } ({ $have } hasta ahora)
first = Primero: { $requirement }

## Problemas en formularios

too-long = Use como máximo { $max } caracteres.
number-out-of-range = Escriba un número entero del { $min } al { $max }.

## Vigencia y requisitos ($unit, $month, $category: palabras; $phase: "años impares" o una lista)

# $unit: days, months o years.
# Counts: $amount
valid-after = { $unit ->
    [days] { $amount ->
        [one] 1 día
       *[other] { $amount } días
    }
    [months] { $amount ->
        [one] 1 mes
       *[other] { $amount } meses
    }
   *[years] { $amount ->
        [one] 1 año
       *[other] { $amount } años
    }
} después de completarla
# Counts: $months
valid-end-of-month = Hasta el fin del mes, { $months ->
    [one] 1 mes
   *[other] { $months } meses
} después de completarla
valid-every-year = Hasta el { $day } de { $month } de cada año
valid-every-years = Hasta el { $day } de { $month }, cada { $years } años ({ $phase })
years-list = { $first }, { $second }, …
hold = Tener: { $what }
# Counts: $days
renew-early = { $text } · se renueva hasta { $days ->
    [one] 1 día
   *[other] { $days } días
} antes
# Counts: $days
due-within-hire = { $text } · se debe dentro de { $days ->
    [one] 1 día
   *[other] { $days } días
} desde la contratación
# Counts: $hours
hours-per-period = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
} por periodo de { $requirement }
# Counts: $hours, $months
hours-every-from-hire = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
} cada { $months ->
    [one] mes
   *[other] { $months } meses
} desde la contratación
# Counts: $hours, $months
hours-every = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
} cada { $months ->
    [one] mes
   *[other] { $months } meses
}
at-least = { $text }, al menos { $hours } de { $category }

## El registro de una persona

# Counts: $required
category-short = { $done } de { $required ->
    [one] la 1 hora de { $category }
   *[other] las { $required } horas de { $category }
}
hours-but = { $text }, pero solo { $short }
rule-version = Del { $from } al { $until } (cambiada por { $by } el { $on }):
rule-version-first = Hasta el { $until } (cambiada por { $by } el { $on }):
rule-since = Desde el { $date }:
waived-by = Eximido por { $by }: { $reason }
waived-by-until = Eximido por { $by }: { $reason } (hasta el { $until })
timeline-valid = { $requirement }: { $training } — vigente del { $from } al { $until }
timeline-valid-restarted = { $requirement }: { $training } — vigente del { $from } al { $until } (renovación tardía: el periodo volvió a empezar)
timeline-no-expiry = { $requirement }: { $training } — vigente desde el { $from }, no vence
ready-on = Podría estar lista el { $date }
ready-on-with-plans = Podría estar lista el { $date }, con las capacitaciones planeadas
since = desde el { $date }
hired-on = Contratación: { $date }
pay-hourly-annual = { $hourly } por hora ({ $annual } al año)

## Escaleras profesionales ($months, $hours, $more: ya escritos con su plural, p. ej. "4 meses")

# Counts: $count
months = { $count ->
    [one] 1 mes
   *[other] { $count } meses
}
# Counts: $count
more-months = { $count ->
    [one] 1 mes más
   *[other] { $count } meses más
}
# Counts: $hours
ladder-more-hours = { $hours ->
    [one] 1 hora más
   *[other] { $hours } horas más
}
# Counts: $hours
ladder-hours = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
}
language-proficiency = Dominio de idioma: { $language }
# Counts: $count
letters-needed = { $count ->
    [one] 1 carta de recomendación o testimonio de cliente
   *[other] { $count } cartas de recomendación o testimonios de clientes
}
# Counts: $count
births-needed = { $count ->
    [one] apoyo en 1 parto
   *[other] apoyo en { $count } partos
}
other-needed = { $count } × { $kind }
rule-any-of = Al menos { $count } de lo siguiente:
rule-current = { $requirement }: vigente
rule-training = { $training }: completada
rule-training-within = { $training }: completada en los últimos { $months }
rule-every-competency = Todas { $framework } cubiertas por capacitaciones completadas
rule-competencies = Cubiertas por capacitaciones completadas: { $names }
rule-ce = { $hours } de educación continua en los últimos { $months }
rule-ce-categories = { $hours } de { $categories } en los últimos { $months }
rule-months-in-step = { $months } en el escalón actual
rule-months-of-service = { $months } de servicio
rule-hours-worked = { $hours } trabajadas
rule-hours-worked-within = { $hours } trabajadas en los últimos { $months }
missing-status = { $requirement }: { $status }
missing-not-taken = { $training }: no la ha tomado
missing-too-long-ago = { $training }: la tomó el { $date }, hace demasiado tiempo
missing-competencies = Falta cubrir: { $names }
missing-ce = { $more } de educación continua
missing-ce-categories = { $more } de { $categories }
missing-months-in-step = { $more } en este escalón (el { $date })
missing-months-of-service = { $more } de servicio (el { $date })
missing-hours-worked = { $more } de trabajo
missing-attestation = { $kind }: falta la constancia
missing-choose = { $count } más de: { $options }

## Historial de vigencia de una capacitación

validity-version = Completadas del { $from } al { $until } (cambiada por { $by } el { $on }):
validity-version-first = Completadas hasta el { $until } (cambiada por { $by } el { $on }):
validity-since = Completadas desde el { $date }:

## Copias que no se pueden restaurar

backup-not-json = Esto no es una copia de seguridad: deja de tener sentido en la línea { $line }, columna { $column }. No se cambió nada.
backup-newer = Esta copia la hizo una versión más nueva de Escalera (versión de datos { $version }; esta app lee hasta la { $ours }). Actualice la app y después restáurela. No se cambió nada.
backup-invalid = Esta copia tiene un registro que no es válido, así que no se restauró nada: { $detail }
backup-breaks-rule = Esta copia tiene un registro que los formularios de la aplicación no aceptarían, así que no se restauró nada: { $what } · { $field }: { $problem }
backup-duplicate = Esta copia tiene el mismo registro dos veces ({ $kind }: { $id }), así que no se restauró nada.
# Counts: $count
backup-conflicts = { $count ->
    [one] 1 registro difiere entre este dispositivo y la copia:
   *[other] { $count } registros difieren entre este dispositivo y la copia:
}
backup-changed-on = cambiado el { $date }
backup-reading = Leyendo el archivo: { $percent } %
# Counts: $total
backup-checking = { $total ->
    [one] Revisando los registros de { $done } de 1 persona
   *[other] Revisando los registros de { $done } de { $total } personas
}

# Una capacitación completada como credencial Open Badges 3.0, en el idioma de la persona.
badge-description = Capacitación: { $training }.
badge-criteria = Completó { $training } ({ $hours } horas) el { $date }.
badge-criteria-provider = Completó { $training } ({ $hours } horas) con { $provider } el { $date }.
badge-unsigned = Registrado por { $issuer } en Escalera. Sin firma: este archivo dice lo que se registró; no es una credencial verificada hasta que un emisor la firme.
# Counts: $days
last-backup = { $days ->
    [0] Última copia de seguridad: hoy.
    [one] Última copia de seguridad: ayer.
   *[other] Última copia de seguridad: hace { $days } días.
}
# Counts: $days
backup-reminder = { $days ->
    [one] La última copia fue hace 1 día. Descargue una nueva para proteger los cambios de hoy.
   *[other] La última copia fue hace { $days } días. Descargue una nueva para proteger sus cambios recientes.
}

# A person's calendar file (.ics): one event per coming date, in the person's language.
calendar-name = Escalera: { $name }
calendar-window-opens = { $what }: se abre el período de renovación
calendar-last-valid-day = { $what }: último día vigente
calendar-deadline = { $what }: fecha límite

# Importing a person's record: who the file's person is here, and what is left as it is.
record-match-same = Es { $name }, que ya está aquí.
record-match-email = Es { $name }, que ya está aquí: el mismo correo electrónico.
record-match-name = { $name }, que ya está aquí, tiene el mismo nombre.
record-match-new = { $name } todavía no está aquí y se agregará.
# Counts: $count
record-already-here = { $count ->
    [one] 1 registro del archivo ya está aquí y se queda como está.
   *[other] { $count } registros del archivo ya están aquí y se quedan como están.
}
# Counts: $count
record-other-ladders = { $count ->
    [one] 1 puesto es de una escalera profesional que esta organización no tiene, y se deja fuera.
   *[other] { $count } puestos son de escaleras profesionales que esta organización no tiene, y se dejan fuera.
}
record-newer = Este expediente se hizo con una versión más nueva de Escalera (formato { $version }). Actualice la aplicación y luego impórtelo. No se cambió nada.
record-invalid = Este expediente tiene algo que no es válido, así que no se importó nada: { $detail }

transcript-printed-on = Impreso el { $date }

# Counts: $days
trash-intro = Los registros quitados del expediente de una persona se pueden recuperar durante { $days ->
    [one] 1 día
   *[other] { $days } días
}. Después, la aplicación los borra definitivamente la próxima vez que se abre.

# Counts: $count
roster-ready = { $count ->
    [one] 1 persona está lista para agregarse.
   *[other] { $count } personas están listas para agregarse.
}
# Counts: $count
roster-add = { $count ->
    [one] Agregar 1 persona
   *[other] Agregar { $count } personas
}
# Counts: $count
roster-rows-with-problems = { $count ->
    [one] 1 fila tiene un problema y no se agregará.
   *[other] { $count } filas tienen problemas y no se agregarán.
}
# Counts: $count
completions-ready = { $count ->
    [one] 1 capacitación está lista para agregarse.
   *[other] { $count } capacitaciones están listas para agregarse.
}
# Counts: $count
completions-add = { $count ->
    [one] Agregar 1 capacitación
   *[other] Agregar { $count } capacitaciones
}

# Counts: $count
mode-at-least = { $count ->
    [one] Al menos 1 de ellas
   *[other] Al menos { $count } de ellas
}
due-on = Vence el { $date }
# Counts: $count
due-after-hire = { $count ->
    [one] 1 día después de la contratación
   *[other] { $count } días después de la contratación
}
# Counts: $count
due-after-given = { $count ->
    [one] 1 día después de asignarse
   *[other] { $count } días después de asignarse
}
# Counts: $count
due-before-expiry = { $count ->
    [one] 1 día antes de que venza la credencial
   *[other] { $count } días antes de que venza la credencial
}
complete-on = Completado el { $date }
exempt-because = Exento: { $reason } ({ $by }, { $date })
# Counts: $count
done-of = { $count ->
    [one] { $done } de 1 hecha
   *[other] { $done } de { $count } hechas
}
# Counts: $count
trainings-and-hours = { $count ->
    [one] 1 capacitación, { $hours } horas
   *[other] { $count } capacitaciones, { $hours } horas
}
version-number = Versión { $version }
# Counts: $count
places-taken = { $count ->
    [one] { $taken } de 1 lugar ocupado
   *[other] { $taken } de { $count } lugares ocupados
}
# Counts: $count
signed-up = { $count ->
    [one] 1 persona inscrita
   *[other] { $count } personas inscritas
}
# Counts: $count
waiting = { $count ->
    [one] 1 en espera
   *[other] { $count } en espera
}
month-year = { $month } de { $year }
# Counts: $count
assigned-to-count = { $count ->
    [one] Asignado a 1 persona
   *[other] Asignado a { $count } personas
}
# Counts: $count
board-showing = { $count ->
    [one] Se muestra 1 de { $total }
   *[other] Se muestran { $count } de { $total }
}
# Counts: $count
show-all-rows = { $count ->
    [one] Mostrar todo (1)
   *[other] Mostrar todo ({ $count })
}
# Counts: $count
recorded-count = { $count ->
    [one] Se registró 1 capacitación completada.
   *[other] Se registraron { $count } capacitaciones completadas.
}
reported-by = Reportado por { $name } el { $date }
verified-by = Verificado por { $name } el { $date }
rejected-by = Rechazado por { $name } el { $date }: { $reason }
cohort-now = Ahora: { $names }
forecast-summary = Credenciales que entran en su período de renovación, por mes: { $months }
already-assigned = Ya estaba asignado (el { $date }); no se agregó nada nuevo.
sheet-title = Hoja de registro · Sign-in sheet: { $training }
# Counts: $hours
hours-counted = { $hours ->
    [one] 1 hora
   *[other] { $hours } horas
}

# Counts: $pulled, $pushed
sync-last = Última sincronización { $when }. Desde que se encendió: { $pulled ->
    [one] 1 cambio recibido
   *[other] { $pulled } cambios recibidos
}, { $pushed ->
    [one] 1 enviado
   *[other] { $pushed } enviados
}.

# Counts: $count
sync-conflicts-count = { $count ->
    [one] 1 registro tiene dos versiones.
   *[other] { $count } registros tienen dos versiones.
}
attendance-opens-on = La asistencia se abre el { $date }, el día de la sesión: nadie puede haber asistido antes.
# Counts: $count
left-out-unverified = { $count ->
    [one] No se incluye 1 capacitación reportada por la persona que espera verificación (o fue rechazada).
   *[other] No se incluyen { $count } capacitaciones reportadas por la persona que esperan verificación (o fueron rechazadas).
}
hours-not-counted = (y { $hours } en espera de verificación o rechazadas: no cuentan)
from-record-file = De un archivo de expediente exportado por { $by } el { $date }
# Counts: $count
waiting-count = { $count ->
    [one] 1 registro está en espera.
   *[other] { $count } registros están en espera.
}
# Counts: $expected
extra-cells = { $expected ->
    [one] Esta fila tiene { $found } celdas, pero el encabezado nombra 1 columna: no se agrega nada de ella (busque una coma o un punto y coma de más).
   *[other] Esta fila tiene { $found } celdas, pero el encabezado nombra { $expected } columnas: no se agrega nada de ella (busque una coma o un punto y coma de más).
}
next-pay-step-overdue = Atrasado: correspondía el { $date }

# Counts: $count
made-ladders = { $count ->
    [one] 1 escalera
   *[other] { $count } escaleras
}

# Counts: $count
made-pay-grades = { $count ->
    [one] 1 grado salarial
   *[other] { $count } grados salariales
}

# Counts: $count
made-promotion-plans = { $count ->
    [one] 1 plan de promociones
   *[other] { $count } planes de promociones
}

# Counts: $count
made-catalog = { $count ->
    [one] 1 capacitación o requisito propio
   *[other] { $count } capacitaciones y requisitos propios
}

# Counts: $count
made-training-plans = { $count ->
    [one] 1 currículo, cohorte o asignación
   *[other] { $count } currículos, cohortes y asignaciones
}

# Counts: $count
example-remove-body = { $count ->
    [one] Se va su 1 persona ficticia
   *[other] Se van sus { $count } personas ficticias
}, con cada capacitación, hora y asignación registrada para ellas. Puede deshacerlo desde el aviso que aparece después.
