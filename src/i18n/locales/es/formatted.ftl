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
