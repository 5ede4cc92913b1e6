# kenes — español (traducción del catálogo de referencia en.ftl: exactamente las mismas claves).

## Marco
skip-to-content = Saltar al contenido
nav-label = Principal
nav-councils = Consejos
nav-account = Cuenta
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
language-label = Idioma
language-switch = Cambiar
footer-text = kenes mantiene el registro de cada consejo firmado y encadenado por hash: cualquiera que tenga una copia puede verificarlo.

## Inicio y acceso
home-title = Le damos la bienvenida a kenes
home-intro = kenes ayuda a consejos, sindicatos, cooperativas y asambleas a gobernarse por sí mismos: miembros, reuniones, votaciones y un registro que nadie puede reescribir a escondidas.
signin-title = Iniciar sesión
signin-submit = Entrar
signin-failed = El nombre de usuario o la contraseña no son correctos.
signin-throttled = Demasiados intentos fallidos de entrar con este nombre desde este dispositivo. Vuelva a intentarlo dentro de { $minutes } min.
signin-link-hint = ¿Le dieron un enlace de acceso? Ábralo en este dispositivo.
field-username = Nombre de usuario
field-username-hint = De 3 a 64 letras, cifras, puntos, guiones o guiones bajos.
field-password = Contraseña
field-new-password = Nueva contraseña
field-current-password = Contraseña actual
password-current-wrong = La contraseña actual no es correcta; la contraseña no se ha cambiado.
field-password-hint = Al menos 10 caracteres.
field-display-name = Nombre visible
display-name-hint = Así le conocerá el consejo. Puede ser un seudónimo; es lo único que el registro dice de usted.
field-role = Función
field-council = Consejo

## Primera administración
setup-title = Configurar este nodo kenes
setup-intro = Cree la primera cuenta de administración. Este enlace funciona una sola vez.
setup-submit = Crear administrador

## Consejos
councils-title = Sus consejos
councils-none = Todavía no es miembro de ningún consejo.
councils-caption = Consejos de los que es miembro
council-create = Crear un consejo
council-name = Nombre
council-kind = Tipo
council-description = Descripción
council-languages = Idiomas
council-founder-name = Su nombre visible en este consejo
council-members-count = Miembros
council-your-role = Su función
council-member-total = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}
council-sections = Secciones del consejo
settings-title = Ajustes del consejo
settings-submit = Guardar los ajustes
settings-private = Consejo privado: elecciones solo a la vista de los miembros
settings-private-hint = Las páginas de las elecciones, las urnas y los archivos se muestran entonces solo a los miembros que han iniciado sesión; a cualquier otra persona se le dice que la página no existe.
kind-workplace = Consejo de centro de trabajo
kind-neighbourhood = Consejo vecinal
kind-union = Sindicato
kind-cooperative = Cooperativa
kind-federation = Federación de consejos
kind-assembly = Asamblea

## Miembros
members-title = Miembros
member-you = (usted)
member-joined = Ingreso
member-number = Número de miembro
member-status = Estado
member-active = Activo
member-removed = Dado de baja
member-joined-via = Forma de ingreso
joined-via-invitation = Invitación
joined-via-secretary = Añadido por la presidencia o la secretaría
joined-via-founder = Fundó el consejo
member-rename-title = Nombre visible
member-rename-submit = Cambiar el nombre
member-manage = Gestionar este miembro
member-change-role = Cambiar función
member-make-link = Crear un enlace de acceso
member-remove = Dar de baja del consejo
member-add-title = Añadir un miembro
member-add-hint = Añada a alguien por su nombre; kenes le dará un enlace de acceso de un solo uso para que se lo entregue.
member-add-submit = Añadir miembro
member-added-title = Miembro añadido
member-added-hint = Entregue este enlace de un solo uso al miembro, en persona o por un medio de confianza. Le permite entrar una vez y caduca a los 14 días.
member-link-title = Enlace de acceso
link-label = Enlace
back-to-council = Volver al consejo
role-member = Miembro
role-chair = Presidencia
role-secretary = Secretaría
role-observer = Observador

## Invitaciones
invite-title = Invitar a alguien
invite-hint = Cree un enlace de un solo uso; quien lo abra elegirá un nombre visible y una contraseña y se unirá con la función que usted elija.
invite-submit = Crear enlace de invitación
links-title = Enlaces abiertos
links-hint = Invitaciones y enlaces de acceso que nadie ha usado todavía. Retire el que llegó a la persona equivocada.
links-none = No hay enlaces abiertos.
links-col-link = Enlace
links-col-expires = Caduca
link-invitation = Invitación como { $role }, creada por { $name }
link-signin = Enlace de acceso para { $name }
link-revoke = Retirar
link-revoke-label = Retirar el enlace que caduca el { $expires }
invite-created-title = Enlace de invitación
invite-created-hint = Envíe este enlace a una sola persona. Funciona una vez y caduca a los 14 días.
join-title = Unirse a { $council }
join-intro = Le han invitado a unirse a este consejo. Elija cómo le conocerá el consejo.
join-submit = Unirse

## Enlaces de acceso
link-signin-title = Entrar con su enlace
link-signin-intro = Este enlace le permite entrar una sola vez. Después puede poner una contraseña en la página de su cuenta.

## Importación
import-title = Importar un padrón de miembros
import-hint = Suba un archivo CSV con una fila de encabezado y una columna "name"; las columnas "role" y "contact" son opcionales. Los datos de contacto se quedan en este nodo y nunca entran en el registro. Si alguna fila es incorrecta, no se importa nada.
import-file = Archivo CSV
import-submit = Importar
import-done = { $count ->
    [one] { $count } miembro importado.
   *[other] { $count } miembros importados.
}
import-refused = { $count ->
    [one] Se rechazó { $count } fila, así que no se importó nada. Corríjala y vuelva a subir el archivo.
   *[other] Se rechazaron { $count } filas, así que no se importó nada. Corríjalas y vuelva a subir el archivo.
}
import-file-error = No se puede leer el archivo como padrón de miembros: { $detail }
import-rejected-caption = Filas rechazadas
import-line = Línea
import-reason = Motivo
roll-field-count = { $found ->
    [one] Esta fila tiene { $found } campo, pero el encabezado tiene { $expected }.
   *[other] Esta fila tiene { $found } campos, pero el encabezado tiene { $expected }.
}
roll-csv = El CSV está mal formado aquí: { $detail }
roll-contact = El contacto tiene más de 200 caracteres o contiene caracteres de control.
roll-already-member = { $name } ya es miembro de este consejo.
roll-duplicate = { $name } ya aparece en la línea { $line }.

## Registro
record-title = Registro
record-of = Registro de { $council }
record-intro = Cada cambio en este consejo es un evento: numerado, firmado por el nodo que lo escribió y encadenado al anterior mediante su hash.
record-council-id = Identificador del consejo
record-home-node = Nodo de origen
record-height = Número
record-height-n = evento n.º { $height }
record-time = Hora
record-kind = Tipo
record-hash = Hash
record-payload = Contenido
bundle-download = Descargar el registro (archivo único)
record-pages = Páginas del registro
record-newer = Eventos más recientes
record-older = Eventos anteriores

## Cuenta
account-title = Su cuenta
account-no-password = Su cuenta todavía no tiene contraseña: entró con un enlace. Ponga una para poder volver a entrar más adelante.
account-set-password = Poner contraseña
account-password-set = Su contraseña está puesta.
account-links-title = Enlaces de acceso creados para usted
account-links-new = Desde la última vez que entró se crearon enlaces de acceso para usted: la lista indica quién creó cada uno y cuándo se usó. Quien usó uno entró como si fuera usted; si no fue usted, avise a la secretaría de su consejo y ponga una contraseña.
account-links-maker = Creado por
account-links-made = Creado
account-links-used = Usado
account-links-unused = sin usar
account-links-fresh = (nuevo)

## Errores
error-title = Algo no está bien
error-back = Volver
error-not-found = Aquí no hay nada.
error-sign-in-required = Inicie sesión primero.
error-forbidden = No tiene permiso para ver o hacer esto.
error-csrf = Este formulario ha caducado o no procede de este sitio. Recargue la página e inténtelo de nuevo.
error-too-large = Lo que ha enviado es demasiado grande.
error-internal = Algo falló en el servidor. No se ha cambiado nada.
error-too-many-streams = Esta cuenta ya sigue todas las páginas en directo que puede. Cierre otra pestaña o la página abierta en un teléfono y recargue.
error-busy = El servidor tiene demasiado que comprobar en este momento. No se ha cambiado nada: vuelva a intentarlo dentro de un momento.
error-json = El cuerpo de la solicitud no es el JSON esperado.
error-upload = No se pudo leer el archivo subido.
error-password-length = La contraseña debe tener al menos 10 caracteres.
error-username = El nombre de usuario debe tener de 3 a 64 letras, cifras, puntos, guiones o guiones bajos.
error-username-taken = Ese nombre de usuario ya está en uso.
error-link-invalid = Este enlace no es válido: ya se usó, ha caducado, se retiró o se escribió mal.
error-link-own-account = Este miembro tiene una cuenta propia (con contraseña, o en otros consejos), así que no se le puede crear un enlace de acceso: entra con su contraseña.
error-already-member = Ya es miembro de este consejo.
error-empty = { $what ->
    [display-name] El nombre visible está vacío.
    [council-name] El nombre del consejo está vacío.
    [languages] Elija al menos un idioma.
   *[other] Hay un campo obligatorio vacío.
}
error-too-long = { $what ->
    [display-name] { $max ->
        [one] El nombre visible tiene más de { $max } carácter.
       *[other] El nombre visible tiene más de { $max } caracteres.
    }
    [council-name] { $max ->
        [one] El nombre del consejo tiene más de { $max } carácter.
       *[other] El nombre del consejo tiene más de { $max } caracteres.
    }
    [description] { $max ->
        [one] La descripción tiene más de { $max } carácter.
       *[other] La descripción tiene más de { $max } caracteres.
    }
   *[other] { $max ->
        [one] Un campo tiene más de { $max } carácter.
       *[other] Un campo tiene más de { $max } caracteres.
    }
}
error-control = { $what ->
    [display-name] El nombre visible contiene caracteres de control.
    [council-name] El nombre del consejo contiene caracteres de control.
   *[other] Un campo contiene caracteres de control.
}
error-council-kind = Elija un tipo de consejo de la lista.
error-role = La función debe ser miembro, presidencia, secretaría u observador.
error-language = Elija los idiomas de la lista.
error-not-a-member = Esa persona no es miembro activo de este consejo.
error-not-allowed = Solo la presidencia o la secretaría pueden hacer esto.
error-duplicate-name = Ya existe en este consejo un miembro llamado { $name }.
error-last-manager = El consejo debe conservar al menos una persona en la presidencia o la secretaría.
error-empty-import = No hay nada que importar.
error-import-too-large = Una importación puede contener como máximo 10 000 miembros.
error-unchanged = El miembro ya tiene esa función.
error-out-of-range = { $what ->
    [quorum] El cuórum es un porcentaje entre 0 y { $max }.
    [seconders] { $max ->
        [one] Se puede exigir como máximo { $max } apoyo.
       *[other] Se pueden exigir como máximo { $max } apoyos.
    }
    [speaking-time] { $max ->
        [one] El tiempo de intervención puede ser como máximo de { $max } segundo.
       *[other] El tiempo de intervención puede ser como máximo de { $max } segundos.
    }
   *[other] Un número supera el máximo de { $max }.
}

## Reuniones
mt-assemblies = Reuniones
mt-none = Este consejo todavía no tiene reuniones.
mt-title = Título
mt-starts = Cuándo
mt-place = Dónde
mt-status = Estado
mt-status-planned = Prevista
mt-status-open = En sesión
mt-status-closed = Cerrada
mt-convene = Convocar una reunión
mt-rules = Normas de la reunión
mt-quorum-percent = Cuórum (porcentaje de miembros con derecho a voto presentes)
mt-seconders = Apoyos que necesita una moción
mt-speaking-seconds = Tiempo de intervención en segundos (0 = sin límite)
mt-alternate = Se alternan las intervenciones a favor y en contra
mt-sections = Páginas de la reunión
mt-projector = Vista para proyector
mt-minutes = Acta
mt-reconnecting = Se perdió la conexión: reconectando… La página se pondrá al día por sí sola.
mt-present-count = Presentes: { $present }; necesarios para el cuórum: { $needed }
mt-quorum-met = hay cuórum
mt-quorum-missing = no hay cuórum
mt-check-in = Registrar asistencia
mt-check-out = Registrar salida
mt-you-are-present = Su asistencia está registrada.
mt-agenda = Orden del día
mt-agenda-empty = El orden del día está vacío.
mt-minutes-planned = ({ $minutes } min)
mt-take-item = Tratar
mt-take-item-label = Pasar a tratar el punto { $number }
mt-now = En tratamiento
mt-speakers = Turno de palabra
mt-speaking-now = Tiene la palabra
mt-nobody-speaking = Nadie tiene la palabra.
mt-list-empty = Nadie ha pedido la palabra.
mt-more-waiting = …y { $count } más.
mt-waiting = Lista de oradores
mt-speech-kind = Pedir la palabra
mt-speech-speech = para intervenir
mt-speech-for = a favor de la moción
mt-speech-against = en contra de la moción
mt-speech-point-of-order = cuestión de orden
mt-request-floor = Apuntarse en la lista
mt-leave-list = Salir de la lista
mt-move-front = Pasar al primer lugar
mt-remove-speaker = Quitar
mt-give-floor = Dar la palabra al siguiente
mt-end-speech = Terminar la intervención
mt-motion-number = Moción { $number }
mt-moved-by = presentada por { $name }
mt-seconded-by = apoyos: { $count } de { $needed }
mt-alternative-to = alternativa a la moción { $number }
mt-motion-submitted = presentada
mt-motion-admitted = admitida a trámite
mt-motion-debated = en debate
mt-motion-voting = en votación
mt-motion-adopted = aprobada
mt-motion-rejected = rechazada
mt-motion-withdrawn = retirada
mt-motion-referred = remitida a comisión
mt-amendment-number = Enmienda { $number }
mt-amendment-lines = a las líneas { $from }–{ $to }
mt-second = Secundar
mt-withdraw = Retirar
mt-admit = Admitir a trámite
mt-debate = Abrir el debate
mt-refer = Remitir a comisión
mt-put-roll-call = Someter a votación nominal
mt-put-tellers = Someter a votación con escrutadores
mt-amend = Proponer una enmienda
mt-from-line = Desde la línea
mt-to-line = Hasta la línea
mt-new-text = Texto nuevo (déjelo vacío para suprimir las líneas)
mt-amend-submit = Presentar la enmienda
mt-vote-number = Votación { $number }
mt-roll-call = nominal, cada voto queda registrado con el nombre
mt-tellers = recuento a cargo de escrutadores
mt-majority = mayoría: más de { $num }/{ $den } de { $basis }
mt-majority-at-least = mayoría: al menos { $num }/{ $den } de { $basis }
mt-basis-votes-cast = los votos emitidos
mt-basis-yes-no = los votos a favor y en contra
mt-basis-members = todos los miembros
mt-basis-present = los miembros presentes
mt-vote-open = Votación abierta
mt-votes-so-far = Han votado hasta ahora: { $count }
mt-choice-yes = A favor
mt-choice-no = En contra
mt-choice-abstain = Abstención
mt-you-voted = Su voto ha quedado registrado.
mt-enter-counts = Introducir el recuento
mt-counted = A favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }.
mt-close-vote = Cerrar la votación
mt-carried = Aprobada
mt-lost = No aprobada
mt-needed = { $needed ->
    [one] Se necesitaba { $needed } voto a favor (sobre { $basis }).
   *[other] Se necesitaban { $needed } votos a favor (sobre { $basis }).
}
mt-by-name = Votos nominales
mt-results = Resultados
mt-announce-vote-open = Votación abierta: { $question }
mt-announce-speaker = Tiene la palabra { $name }.
mt-announce-carried = Aprobada: { $question }
mt-announce-lost = No aprobada: { $question }
mt-chair = Controles de la presidencia
mt-open = Abrir la sesión
mt-close = Levantar la sesión
mt-add-item = Añadir un punto al orden del día
mt-item-minutes = Minutos previstos
mt-item-parent = Dentro del punto
mt-mark-attendance = Registrar la entrada o salida de miembros
mt-member = Miembro
mt-put-question = Someter una cuestión a votación
mt-question = Cuestión
mt-mode = Modalidad
mt-majority-rule = Mayoría
mt-majority-simple = Mayoría simple
mt-majority-two-thirds = Dos tercios
mt-majority-three-quarters = Tres cuartos
mt-basis = Calculada sobre
mt-open-vote = Abrir la votación
mt-annotate = Añadir una nota al acta
mt-note = Nota
mt-move = Presentar una moción
mt-item = Punto del orden del día
mt-motion-text = Texto de la moción
mt-motion-text-hint = Las enmiendas se refieren a sus números de línea.
mt-alternative = Como alternativa a
mt-move-submit = Presentar la moción
mt-error-number = El campo { $field } debe ser un número entero.
mt-error-field = Falta el campo { $field } o su valor no es una de las opciones.

## Acta
mn-title = Acta
mn-convened-by = Convocada por
mn-opened = Apertura
mn-closed = Cierre
mn-present = Asistentes
mn-present-count = Miembros con asistencia registrada: { $count }.
mn-taken-up = Se pasó a tratar: { $time }.
mn-spoke = Intervinieron
mn-seconded = apoyada por
mn-as-moved = Texto presentado
mn-as-adopted = Texto aprobado
mn-question = cuestión
mn-opened-at = abierta: { $time }
mn-notes = Notas de la secretaría
mn-footer = Generada a partir del registro del consejo (consejo { $council }, hasta el evento { $height }). Cualquiera que tenga el registro puede volver a generar esta acta y comprobarla.

## Rechazos en la reunión
refused-no-assembly = No existe la reunión { $number }.
refused-not-open = La reunión no está en sesión.
refused-closed = La reunión está cerrada.
refused-already-open = La reunión ya está en sesión.
refused-not-presiding = Solo la presidencia o la secretaría pueden hacer esto.
refused-observer = Los observadores no pueden presentar ni secundar mociones, intervenir ni votar.
refused-only-for-themselves = Los miembros solo pueden hacer esto por sí mismos.
refused-not-checked-in = Registre primero su asistencia: solo los miembros presentes pueden hacer esto.
refused-already-checked-in = La asistencia ya está registrada.
refused-no-item = No existe el punto { $number } del orden del día.
refused-not-current-item = Ese punto del orden del día no es el que se está tratando.
refused-already-current = Ese punto del orden del día ya se está tratando.
refused-too-deep = { $depth ->
    [one] El orden del día admite como máximo { $depth } nivel de subpuntos.
   *[other] El orden del día admite como máximo { $depth } niveles de subpuntos.
}
refused-too-many-items = El orden del día admite como máximo { $max } puntos.
refused-too-many-motions = Una reunión admite como máximo { $max } mociones.
refused-too-many-amendments = Una reunión admite como máximo { $max } enmiendas.
refused-no-motion = No existe la moción { $number }.
refused-motion-state = La moción está { $status ->
        [submitted] presentada
        [admitted] admitida a trámite
        [debated] en debate
        [voting] en votación
        [adopted] aprobada
        [rejected] rechazada
        [withdrawn] retirada
        [referred] remitida a comisión
       *[other] en estado «{ $status }»
    }: ahora no se puede hacer esto.
refused-motion-admit-first = La moción { $number } aún no ha sido admitida: primero la presidencia la admite (Admitir a trámite); después se puede debatir, enmendar y someter a votación.
refused-amendment-undecided = La enmienda { $number } sigue sin decidirse: sométala a votación o que se retire antes de votar la moción.
refused-no-amendment = No existe la enmienda { $number }.
refused-amendment-state = La enmienda está { $status ->
        [submitted] presentada
        [admitted] admitida a trámite
        [debated] en debate
        [voting] en votación
        [adopted] aprobada
        [rejected] rechazada
        [withdrawn] retirada
        [referred] remitida a comisión
       *[other] en estado «{ $status }»
    }: ahora no se puede hacer esto.
refused-not-mover = Solo quien la presentó puede retirarla.
refused-own-motion = Quien presenta una moción o una enmienda no puede secundarla.
refused-already-seconded = Ya la ha secundado.
refused-not-seconded = { $needed ->
    [one] Necesita { $needed } apoyo y tiene { $have }.
   *[other] Necesita { $needed } apoyos y tiene { $have }.
}
refused-line-range = { $lines ->
    [one] Esas líneas no están en la moción, que tiene { $lines } línea.
   *[other] Esas líneas no están en la moción, que tiene { $lines } líneas.
}
refused-stale-amendment = La moción ha cambiado desde que se redactó esta enmienda: redáctela de nuevo sobre el texto actual.
refused-bad-alternative = Una alternativa solo puede plantearse frente a otra moción del mismo punto del orden del día.
refused-already-waiting = Ya está en la lista de oradores.
refused-not-waiting = Ese miembro no está en la lista de oradores.
refused-nobody-waiting = Nadie ha pedido la palabra.
refused-nobody-speaking = Nadie tiene la palabra.
refused-no-quorum = No hay cuórum: presentes { $present }, necesarios { $needed }.
refused-vote-open = Hay una votación abierta: ciérrela primero.
refused-no-vote = No existe la votación { $number }.
refused-vote-closed = Esa votación está cerrada.
refused-already-voted = Ya ha votado.
refused-counted-by-tellers = En esta votación el recuento lo hacen los escrutadores; no es nominal.
refused-by-name = Esta votación es nominal: no hay recuento que introducir.
refused-too-many-counted = { $present ->
    [one] El recuento suma { $counted }, más que el { $present } miembro presente.
   *[other] El recuento suma { $counted }, más que los { $present } miembros presentes.
}
refused-not-counted = Introduzca el recuento de los escrutadores antes de cerrar la votación.
refused-bad-majority = La mayoría debe ser una fracción entre 0 y 1.
demo-not-empty = La demostración solo rellena un directorio de datos nuevo; este ya contiene un consejo.

# Votes among options
mt-put-choice = Someter a votación una elección entre opciones
mt-options = Opciones, una por línea
mt-method = Método de recuento
mt-method-plurality = Mayoría simple (más marcas)
mt-method-irv = Segunda vuelta instantánea (por orden)
mt-method-stv = Voto único transferible (por orden)
mt-method-schulze = Schulze (por orden)
mt-method-seats = { $seats ->
    [one] { $method }, { $seats } puesto
   *[other] { $method }, { $seats } puestos
}
mt-seats = Puestos a cubrir
mt-preference = Opción { $number }
mt-mark = Marca { $number }
mt-cast-ballot = Emitir mi papeleta
mt-elected = Elegidos: { $names }
mt-nobody-elected = Nadie resulta elegido
mt-ballots-counted = Papeletas: { $marked } { $marked ->
    [one] marcada
   *[other] marcadas
}, { $empty } en blanco
mt-count-stages = El recuento, etapa por etapa
mt-option = Opción
mt-stage = Etapa { $number }
mt-exhausted = Agotadas
mt-order = Orden: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = En esta votación se elige entre opciones: ordénelas en lugar de responder sí o no.
refused-yes-no-vote = Es una votación de sí o no; no tiene opciones que ordenar.
refused-options-need-question = Una votación entre opciones plantea una pregunta y se hace nominalmente.
error-count = { $what ->
    [options] Indique entre { $min } y { $max } opciones (hay { $got }).
    [seats] Los puestos deben estar entre { $min } y { $max } (no { $got }).
    [marks] { $max ->
        [one] Una papeleta puede marcar como mucho { $max } opción (esta marca { $got }).
       *[other] Una papeleta puede marcar como mucho { $max } opciones (esta marca { $got }).
    }
   *[other] No existe la opción número { $got }; las opciones van del 1 al { $max }.
}
error-duplicate-option = «{ $value }» aparece dos veces.
mt-minutes-pdf = Acta (PDF)
mt-move-up = Subir
mt-move-down = Bajar

# Secret elections
el-elections = Elecciones
el-none = Todavía no hay elecciones.
el-new = Preparar una elección
el-title = Título
el-description = Descripción (opcional)
el-question-number = Pregunta { $number }
el-question = Pregunta
el-answers = Respuestas, una por línea
el-min = Como mínimo
el-max = Como máximo
el-blank = Se puede votar en blanco
el-trustees = Custodios de la clave
el-threshold = Custodios necesarios para descifrar (0: todos, cada uno con su propia clave)
el-threshold-help = Con un umbral, cualquier grupo de ese número de custodios puede descifrar el resultado; menos no pueden.
el-create = Preparar la elección
el-status-setup = En preparación: los custodios crean sus claves
el-status-open = La votación está abierta
el-status-closed = La votación está cerrada: los custodios de la clave descifran el resultado
el-status-tallied = El resultado está publicado
el-questions = Preguntas
el-choose = elija de { $min } a { $max }
el-trustee-decrypted = ha descifrado
el-trustee-key-ready = clave creada
el-trustee-waiting = todavía no ha creado su clave
el-threshold-of = Se { $k ->
    [one] necesita
   *[other] necesitan
} { $k } de { $n ->
    [one] { $n } custodio
   *[other] los { $n } custodios
} para descifrar.
el-trustee-page = Mi parte como custodio
el-get-credential = Obtener mi código de votación
el-vote = Votar
el-board = Urna
el-ballots-counted = { $counted ->
    [one] Cuenta { $counted } papeleta
   *[other] Cuentan { $counted } papeletas
} ({ $cast } { $cast ->
    [one] emitida
   *[other] emitidas
}, contando los cambios de voto) de { $voters } { $voters ->
    [one] votante
   *[other] votantes
}.
el-trackers = Números de seguimiento de las papeletas que cuentan
el-result = Resultado
el-blank-vote = Voto en blanco
el-archive = Descargar el archivo de la elección (.bel)
el-verify = Verificar la elección
el-controls = Controles de la secretaría
el-open = Abrir la votación
el-waiting-for-trustees = Esperando a que los custodios terminen de crear sus claves.
el-slips = Imprimir tarjetas con los códigos (PDF)
el-slips-again = Imprimir tarjetas nuevas (PDF) y anular las anteriores
el-waiting-for-slips = Imprima primero las tarjetas con los códigos: la votación se abre cuando estén creadas.
el-hall = Modo sala: códigos en tarjetas impresas, para votantes sin cuenta
el-hall-help = Quien tenga una tarjeta vota con ella sin iniciar sesión. Es menos seguro que el modo normal: quien maneje las tarjetas podría votar con las que no se repartieron. Sin este modo, cada miembro vota con su sesión iniciada, con un código que solo puede usar él.
el-mode-hall = Modo sala: vota quien tenga una tarjeta con código, sin iniciar sesión.
el-mode-members = Cada miembro vota con su sesión iniciada y con su propio código; un código sirve para un solo miembro.
el-error-slips-before-opening = Las tarjetas se imprimen antes de abrir la votación, no después.
el-error-not-hall = En esta elección cada miembro recibe su propio código; las tarjetas son solo para elecciones en modo sala.
el-error-not-a-voter = No está en el censo de esta elección.
el-error-credential-taken = Otro miembro ya usó este código: no es el suyo.
el-error-other-credential = Ya votó con otro código: vuelva a votar con ese.
el-total-weight = Peso total
el-error-total-weight = Los pesos del censo suman { $total }; una elección puede contar como máximo { $max }.
el-error-credential-weight = Un código público tiene un peso de { $weight }, que el censo no otorga: los pesos vienen del censo (un voto cada uno, o el peso del escaño de una persona delegada en una federación).
el-weights = Pesos de los votantes:
el-weight-count = { $count } con peso { $weight }
el-decryption-inconsistent = Los descifrados de los custodios no dan un resultado: un factor de descifrado es erróneo aunque su prueba es correcta. { $trustees ->
    [none] El resultado saldrá cuando otro custodio descifre.
   *[other] Bajo sospecha: { $trustees }. El resultado saldrá cuando otro custodio descifre, o cuando quien está bajo sospecha vuelva a descifrar.
}
el-counted-weights = Papeletas contadas y sus pesos
el-tracker-heading = Número de seguimiento
el-weight-heading = Peso
el-publish = Publicar esta elección
el-publish-help = Su página, su urna y su archivo quedan a la vista de cualquiera para verlos y comprobarlos, aunque el consejo siga siendo privado. Queda escrito en el registro y no se puede deshacer.
el-published = Este consejo es privado, pero esta elección está publicada: cualquiera puede verla y comprobarla.
el-private = Este consejo es privado: solo sus miembros ven esta elección.
el-refused-published = Esta elección ya está publicada.
el-close = Cerrar la votación
el-back = Volver a la elección
el-loading = Cargando…
el-needs-javascript = Esta página necesita JavaScript: las claves y el cifrado se crean en su navegador, nunca en el servidor.
el-trustee-key-help = Su clave se crea en este navegador y se le ofrece como archivo. Guárdelo bien: lo necesitará para descifrar el resultado. Nunca se envía al servidor.
el-make-key = Crear mi clave
el-key-file = Tu archivo de custodio para esta elección (el archivo .json que guardaste, o los archivos .key y .dkey de la línea de órdenes)
el-continue = Continuar
el-download-key = Descargar su archivo de clave
el-credential-once = Este es su código de votación. Se muestra una sola vez: el servidor lo olvida ahora. Vote con el enlace o anote el código.
el-vote-now = Votar ahora
el-credential = Código de votación
el-encrypt = Cifrar mi papeleta
el-sealed = Su papeleta está cifrada en este navegador. Emítala, o audite antes el cifrado (una papeleta auditada se descarta y vuelve a cifrar).
el-tracker = Número de seguimiento:
el-cast = Emitir mi papeleta
el-audit = Auditar este cifrado
el-your-tracker = Número de seguimiento de su papeleta emitida:
el-verified = Todas las pruebas del archivo son correctas.
el-not-verified = El archivo no supera la verificación.
el-voters = Votantes
el-ballots = Papeletas emitidas
el-decryptions = Descifrados parciales
el-hash-matches = El SHA-256 del archivo es el que guarda el registro del consejo.
el-hash-differs = El SHA-256 del archivo NO es el que guarda el registro del consejo.
el-verify-yourself = Compruébelo usted mismo con el archivo y cualquiera de estos programas:
el-error-field = Falta el campo { $field } o no es válido.
el-error-already-done = Este paso ya está hecho.
el-error-out-of-turn = Esto no se puede hacer en este momento de la elección.
el-error-key = El material de clave no es válido: { $reason }
el-error-signature = La firma del certificado no es válida.
el-error-ballot = La papeleta se rechaza: { $reason }
el-error-decryption = El descifrado parcial se rechaza: { $reason }
el-error-no-credential = No hay ningún código esperándole: ya se entregó, o usted no está en el censo.
el-refused-no-election = No existe la elección { $number }.
el-refused-state = Esto no se puede hacer ahora: la elección está en estado { $status }.
el-js-error = Error
el-js-download = Descargar
el-js-need-key = Elija su archivo de clave para continuar.
el-js-decrypting = Descifrando el resultado con su clave, en este navegador…
el-js-decrypted = Su descifrado parcial se ha recibido. Gracias.
el-js-step-done = Su parte está hecha por ahora.
el-js-waiting = Esperando a los demás custodios…
el-js-encrypting = Cifrando en este navegador…
el-js-sealed = Cifrada. Compruebe el número de seguimiento y luego emítala o audítela.
el-js-audited = La auditoría es correcta: este cifrado contiene exactamente sus elecciones. Esa papeleta se descarta; vuelva a cifrar para votar.
el-js-audit-failed = La auditoría HA FALLADO; no vote desde este dispositivo y avise a la secretaría
el-js-casting = Emitiendo…
el-js-cast = Su papeleta está emitida. Número de seguimiento:
el-js-replaced = Su nueva papeleta sustituye a la anterior. Número de seguimiento:
el-voters-from = Quién vota
el-voters-all = Todos los miembros del consejo con derecho a voto
el-voters-present = Los miembros registrados en { $title }
el-error-no-voters = Nadie puede votar todavía en esta elección: no se ha registrado ningún miembro con derecho a voto.
el-meeting-elections = Votaciones secretas de esta reunión
el-authority = Autoridad de códigos (quién crea los códigos de los votantes)
el-authority-server = Este servidor (entrega cada código una vez y luego lo olvida)
el-authority-page = Mi parte como autoridad de códigos
el-authority-help = Cree en este navegador el código de cada votante. Los recibirá en un archivo para repartirlos (imprímalo o entregue a cada votante el suyo); el servidor recibe solo la parte pública y nunca puede votar en nombre de nadie.
el-make-credentials = Crear los códigos
el-download-credentials = Descargar los códigos para repartir (CSV)
el-authority-done = La autoridad de códigos ha creado los códigos.
el-authority-waiting = Esperando a que la autoridad de códigos cree los códigos.
el-error-credential-count = { $count ->
    [one] Se envió { $count } código público
   *[other] Se enviaron { $count } códigos públicos
} para { $voters } { $voters ->
    [one] votante
   *[other] votantes
}.
el-slip-label = Tarjeta { $number }
el-slip-instructions = Escanee el código con su teléfono en la Wi-Fi de la sala, o abra la página Votar de la elección y escriba el código. Guarde esta tarjeta para usted: quien la tenga puede votar en su lugar, y solo cuenta la última papeleta.
el-error-no-slips = Ya se han entregado todos los códigos; no queda nada que imprimir.
el-slips-help = Una tarjeta por votante, creada ahora; el servidor las olvida al generar el archivo: imprímalo antes de cerrarlo. Si vuelve a imprimir antes de abrir la votación, se crean tarjetas nuevas y se anulan las anteriores.
el-cli-trustee = ¿Creó su clave con la línea de comandos?
el-cli-trustee-help = Los custodios pueden mantener su clave fuera de la web: créela con kenes en su propio ordenador y envíe aquí el archivo público que imprime cada paso (el .pubkey, el certificado, el polinomio, el voutput) o, cuando se cierre la votación, su descifrado parcial.
el-cli-file = Archivo creado con la línea de comandos
el-cli-send = Enviar el archivo
el-roll = O un censo importado (opcional)
el-roll-help = Un votante por línea: un nombre y, tras una coma, un peso (los delegados de consejos más grandes llevan más votos). Sus códigos se imprimen en tarjetas.
el-error-roll = La línea { $line } del censo no es válida: un nombre de hasta 200 caracteres y, si se quiere, una coma y un peso de 1 a 1 000 000.
el-slip-weighted = { $label } ({ $weight } votos)

# needs you now
now-title = Te necesita ahora
now-nothing = Ahora no hay nada pendiente para ti.
now-vote = Hay una votación abierta en { $meeting } que espera tu voto.
now-vote-action = Votar
now-meeting-in-session = { $meeting } está en sesión.
now-meeting-join = Entrar
now-meeting-check-in = Entrar y registrar asistencia
now-ballot = La votación está abierta: { $election }.
now-ballot-collect = Obtener tu código de votación
now-ballot-vote = Votar
now-meeting-planned = { $meeting } está convocada: { $starts }, { $place }.
now-open = Abrir
now-trustee = Te toca como custodio de la clave: { $election }.
now-trustee-action = Abrir la página de custodio de la clave
now-decrypt = La votación de { $election } ha cerrado: los custodios de la clave descifran el resultado.
now-finish-setup = { $election } se está preparando.
now-finish-tally = { $election } está cerrada y espera su escrutinio.
manage-title = Administrar el consejo
manage-page-title = Administrar { $council }

# confirmations
mt-status-cancelled = Cancelada
mt-cancel = Cancelar la reunión…
mt-cancel-question = ¿Cancelar esta reunión? Nunca se abrió; queda en el registro como cancelada y no se podrá abrir.
mt-cancel-confirm = Sí, cancelar la reunión
mt-close-question = ¿Levantar la sesión? Después no puede ocurrir nada más en ella; el acta se hace con lo registrado.
mt-close-confirm = Sí, levantar la sesión
member-remove-question = ¿Dar de baja a { $name } del consejo? Sus actos pasados quedan en el registro; más adelante se le puede añadir de nuevo como nuevo miembro.
member-remove-confirm = Sí, dar de baja
link-revoke-question = ¿Retirar este enlace? Quien lo tenga ya no podrá usarlo.
link-revoke-confirm = Sí, retirar
link-qr-label = Código QR del enlace
link-qr-hint = Para pasar el enlace en persona, que lo escaneen con la cámara del teléfono.
back-to-manage = Volver a administrar el consejo

# trustee file
el-keep-file = Guarda este archivo en un lugar seguro, fuera de este ordenador si puedes: lo necesitas para descifrar el resultado. Cuando la página ofrezca un archivo más nuevo, guarda ese en su lugar: contiene todo lo del anterior.
el-js-no-file = Elige primero tu archivo de custodio.
el-js-older-file = Este archivo es de antes de tu último paso: tiene tu clave pero no tu clave de descifrado. Elige el archivo más nuevo que la página ofreció tras tu último paso.
el-js-not-trustee-file = Este no es un archivo de custodio de kenes. Elige el archivo .json que la página te ofreció para esta elección.
el-js-wrong-election = Este archivo de custodio es de otra elección.
el-js-wrong-trustee = Este archivo es de otro custodio de esta elección.
el-js-key-mismatch = Las claves de este archivo no corresponden a esta elección. Elige el archivo que guardaste para esta elección y vuelve a intentarlo.

# booth errors
el-js-credential-form = Un código de votación tiene cuatro grupos de cinco o seis caracteres, XXXXX-XXXXXX-XXXXX-XXXXXX, o, en elecciones anteriores, cinco grupos de tres: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = Este código tiene un error de escritura: compara cada carácter con tu papeleta o enlace.
el-js-credential-characters = Este código tiene un carácter que los códigos nunca usan (0, O, I o l): compáralo con tu papeleta o enlace.
el-js-answer-count = Pregunta { $question }: marca entre { $min } y { $max } respuestas (has marcado { $count }).

# record
record-event-meta = evento { $height }, { $time }
record-as-recorded = Tal como se registró:
council-your-role-is = tu función: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } fundó { $name }, un consejo de centro de trabajo.
    [neighbourhood] { $founder } fundó { $name }, un consejo vecinal.
    [union] { $founder } fundó { $name }, un sindicato.
    [cooperative] { $founder } fundó { $name }, una cooperativa.
    [federation] { $founder } fundó { $name }, una federación de consejos.
    [assembly] { $founder } fundó { $name }, una asamblea.
   *[other] { $founder } fundó { $name } ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } se unió al consejo como miembro, por invitación de { $by }.
        [chair] { $name } se unió al consejo para ocupar la presidencia, por invitación de { $by }.
        [secretary] { $name } se unió al consejo para ocupar la secretaría, por invitación de { $by }.
        [observer] { $name } se unió al consejo como observador, por invitación de { $by }.
       *[other] { $name } se unió al consejo con la función «{ $role }», por invitación de { $by }.
    }
   *[other] { $role ->
        [member] { $by } añadió a { $name } al consejo como miembro.
        [chair] { $by } añadió a { $name } al consejo para ocupar la presidencia.
        [secretary] { $by } añadió a { $name } al consejo para ocupar la secretaría.
        [observer] { $by } añadió a { $name } al consejo como observador.
       *[other] { $by } añadió a { $name } al consejo con la función «{ $role }».
    }
}
ev-members-imported = { $by } importó un padrón de miembros.
ev-member-role-changed = { $role ->
    [member] { $by } cambió la función de { $member }: ahora es miembro.
    [chair] { $by } asignó la presidencia a { $member }.
    [secretary] { $by } asignó la secretaría a { $member }.
    [observer] { $by } asignó a { $member } la función de observador.
   *[other] { $by } asignó a { $member } la función «{ $role }».
}
ev-member-removed = { $by } dio de baja del consejo a { $member }.
ev-member-renamed = { $by } cambió el nombre visible de un miembro a «{ $name }».
ev-council-updated = { $by } cambió los ajustes de { $name }.
ev-assembly-convened = { $by } convocó la reunión «{ $title }»: { $starts }, { $place }.
ev-assembly-opened = { $by } abrió la sesión de la reunión { $assembly }.
ev-assembly-closed = { $by } cerró la reunión { $assembly }.
ev-attendance-checked-in = Se registró la asistencia de { $member } a la reunión { $assembly } (lo anotó { $by }).
ev-attendance-checked-out = Se registró la salida de { $member } de la reunión { $assembly } (lo anotó { $by }).
ev-agenda-item-added = { $minutes ->
    [0] { $by } añadió «{ $title }» al orden del día de la reunión { $assembly }.
    [one] { $by } añadió «{ $title }» al orden del día de la reunión { $assembly }, con { $minutes } minuto previsto.
   *[other] { $by } añadió «{ $title }» al orden del día de la reunión { $assembly }, con { $minutes } minutos previstos.
}
ev-agenda-item-taken = { $by } pasó a tratar un punto del orden del día en la reunión { $assembly }.
ev-motion-submitted = { $by } presentó la moción «{ $title }» en la reunión { $assembly }.
ev-motion-seconded = { $by } secundó la moción { $motion } en la reunión { $assembly }.
ev-motion-admitted = { $by } admitió a trámite la moción { $motion } en la reunión { $assembly }.
ev-motion-debated = { $by } abrió el debate de la moción { $motion } en la reunión { $assembly }.
ev-motion-withdrawn = { $by } retiró la moción { $motion } en la reunión { $assembly }.
ev-motion-referred = { $by } remitió a comisión la moción { $motion } en la reunión { $assembly }.
ev-amendment-submitted = { $by } propuso una enmienda a las líneas { $from_line }–{ $to_line } de la moción { $motion } en la reunión { $assembly }.
ev-amendment-seconded = { $by } secundó la enmienda { $amendment } en la reunión { $assembly }.
ev-amendment-withdrawn = { $by } retiró la enmienda { $amendment } en la reunión { $assembly }.
ev-speaker-requested = { $kind ->
    [for] { $member } pidió la palabra a favor de la moción en la reunión { $assembly } (lo anotó { $by }).
    [against] { $member } pidió la palabra en contra de la moción en la reunión { $assembly } (lo anotó { $by }).
    [point_of_order] { $member } pidió la palabra por una cuestión de orden en la reunión { $assembly } (lo anotó { $by }).
   *[other] { $member } pidió la palabra en la reunión { $assembly } (lo anotó { $by }).
}
ev-speaker-withdrawn = { $member } salió de la lista de oradores de la reunión { $assembly } (lo anotó { $by }).
ev-speaker-moved = { $position ->
    [0] { $by } pasó a { $member } al primer lugar de la lista de oradores de la reunión { $assembly }.
    [one] { $by } movió a { $member } en la lista de oradores de la reunión { $assembly }, detrás de { $position } orador.
   *[other] { $by } movió a { $member } en la lista de oradores de la reunión { $assembly }, detrás de { $position } oradores.
}
ev-speaker-floor-given = { $by } dio la palabra al siguiente orador en la reunión { $assembly }.
ev-speaker-speech-ended = { $by } dio por terminada la intervención en curso en la reunión { $assembly }.
ev-vote-opened = { $mode ->
    [roll_call] { $by } abrió una votación nominal sobre «{ $question }» en la reunión { $assembly }.
    [tellers] { $by } abrió una votación con recuento a cargo de escrutadores sobre «{ $question }» en la reunión { $assembly }.
   *[other] { $by } abrió una votación sobre «{ $question }» en la reunión { $assembly }.
}
ev-vote-cast = { $choice ->
    [yes] { $by } votó a favor en la votación { $vote } de la reunión { $assembly }.
    [no] { $by } votó en contra en la votación { $vote } de la reunión { $assembly }.
    [abstain] { $by } se abstuvo en la votación { $vote } de la reunión { $assembly }.
   *[other] { $by } votó «{ $choice }» en la votación { $vote } de la reunión { $assembly }.
}
ev-vote-ranked = { $by } emitió una papeleta con orden de preferencia en la votación { $vote } de la reunión { $assembly }.
ev-vote-counted = { $by } introdujo el recuento de la votación { $vote } de la reunión { $assembly }: a favor, { $yes }; en contra, { $no }; abstenciones, { $abstain }.
ev-vote-closed = { $by } cerró la votación { $vote } de la reunión { $assembly }.
ev-minutes-annotated = { $by } añadió una nota al acta de la reunión { $assembly }.
ev-election-announced = { $by } anunció la elección «{ $title }».
ev-election-opened = { $voters ->
    [one] { $by } abrió la votación de la elección { $election } para { $voters } votante.
   *[other] { $by } abrió la votación de la elección { $election } para { $voters } votantes.
}
ev-election-closed = { $ballots ->
    [one] { $by } cerró la votación de la elección { $election }: cuenta { $ballots } papeleta.
   *[other] { $by } cerró la votación de la elección { $election }: cuentan { $ballots } papeletas.
}
ev-election-tallied = { $by } completó el descifrado del resultado de la elección { $election }.
ev-election-published = { $by } publicó la elección { $election }: ahora cualquiera puede verla y verificarla.
# projector
pj-time-left = Tiempo restante
pj-time-nearly-up = El tiempo casi se ha agotado
pj-time-up = Se acabó el tiempo
pj-next = Próximos turnos
pj-voted = Han votado { $voted } de { $eligible }
pj-voted-progress = Miembros que han votado
pj-not-voted = Aún no han votado: { $names }
pj-more-amendments = Enmiendas que aún esperan: { $count }
pj-deleted = suprimido
pj-inserted = añadido
# charts
chart-yes = Sí
chart-no = No
chart-abstained = Abstenciones
chart-yes-no-title = { $outcome }. Sí { $yes }, no { $no }, abstenciones { $abstain }; la línea discontinua marca los { $needed } votos a favor necesarios ({ $rule }).
chart-needed-line = { $needed } necesarios
chart-elected-mark = elegido
chart-excluded-mark = excluido
chart-most-votes-mark = más votos
chart-options-title = { $result }. Votos: { $counts }.
chart-schulze-title = { $result }. Opciones que vence cada una: { $counts }.
chart-schulze-note = Cada barra: a cuántas otras opciones vence esta por su camino más fuerte
chart-stages-title = { $result }. Recuento en { $stages } etapas, dibujadas una a una; todos los totales están en la tabla.
chart-stage-first = Etapa { $number }: primeras preferencias
chart-stage-surplus = Etapa { $number }: se transfiere el excedente de { $name }
chart-stage-exclusion = Etapa { $number }: { $names } excluidos, sus votos transferidos
chart-stage-remaining = Etapa { $number }: se cubren los puestos restantes
chart-stage-tally = Etapa { $number }
chart-quota = cuota { $quota }
chart-answers-title = { $question }: { $counts }. Más votos: { $names }.
mt-close-vote-question = ¿Cerrar la votación? El resultado se cuenta ahora; después nadie puede votar.
mt-close-vote-confirm = Sí, cerrar la votación
el-close-question = ¿Cerrar la votación? Después no se admite ninguna papeleta; los custodios de la clave descifran entonces el resultado.
el-close-confirm = Sí, cerrar la votación

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = La votación ya está abierta y el censo es fijo: Belenios 2.0 no permite reemplazar un código de votación ahora.
el-error-roll-not-server = El servidor no genera los códigos de votación de esta elección: los generan las papeletas del modo sala o un miembro autoridad de credenciales.
el-error-no-credential-to-reissue = Este miembro no tiene un código de votación que reemplazar. Genere primero los códigos.
el-codes = Códigos de votación
el-codes-help = Los códigos de votación se generan al abrir la votación. Genérelos ahora y los miembros podrán obtener el suyo antes de votar; hasta que se abra la votación, puede dar uno nuevo a quien haya perdido el suyo.
el-make-codes = Generar los códigos ahora
el-codes-made = Códigos generados: { $count }. Obtenidos: { $collected }.
el-codes-members = Quién ha obtenido el suyo
el-codes-waiting = aún no obtenido
el-codes-collected = obtenido
el-reissue = Nuevo código para { $name }
el-reissue-question = { $name } recibirá un nuevo código para obtener, y el que tiene no podrá votar nunca.
el-reissue-confirm = Emitir un nuevo código
el-make-codes-again = Generar de nuevo todos los códigos
el-make-codes-again-question = Ningún código generado hasta ahora, obtenido o no, podrá votar; cada miembro que puede votar ahora obtendrá uno nuevo.
el-make-codes-again-confirm = Generarlos de nuevo
el-credential-early = Su código de votación está listo. Obténgalo ahora y guárdelo: votará con él cuando se abra la votación.
el-credential-keep = Guárdelo: votará con él cuando se abra la votación. Si lo pierde antes, pida uno nuevo a la presidencia o la secretaría.
now-credential-early = Tu código de votación para { $election } está listo

# A council's colour
settings-colour = Color en las páginas del consejo
colour-none = Ninguno
colour-red = Rojo
colour-orange = Naranja
colour-amber = Ámbar
colour-green = Verde
colour-teal = Verde azulado
colour-blue = Azul
colour-indigo = Índigo
colour-purple = Morado
colour-pink = Rosa
colour-grey = Gris
error-colour = Color desconocido: elija uno de los colores ofrecidos.

# Nodes, sync and copies of the record
nodes-title = Nodos
nodes-fork = Bifurcación detectada: el nodo de origen del consejo { $council }… firmó dos eventos distintos con el número { $height } (lo mostró { $from }). Se conservan ambos como prueba; este nodo deja de seguir y de transmitir ese consejo hasta que alguien decida.
nodes-card = Tarjeta de este nodo
nodes-card-help = Entregue esta tarjeta a la secretaría del consejo que deba permitir que este nodo guarde una copia de su registro. Al entregarla, lea en voz alta la clave del nodo para que la otra parte pueda compararla.
nodes-key = Clave del nodo:
nodes-peers = Nodos vinculados
nodes-no-peers = Todavía no hay nodos vinculados. Añada un nodo de la red local o de internet para guardar los registros unos de otros.
nodes-peer-failed = La última sincronización falló: { $error }
nodes-peer-synced = Última sincronización: { $time }
nodes-peer-new = Aún sin sincronizar
nodes-remove = Dejar de sincronizar con { $url }
nodes-remove-question = Este nodo ya no descargará nada de él. Lo que ya tiene se queda.
nodes-remove-confirm = Dejar de sincronizar
nodes-sync-now = Sincronizar ahora
nodes-add = Vincular un nodo
nodes-add-url = Su dirección
nodes-add-key = Su clave de nodo, tal como se la lea su responsable
nodes-add-key-help = Al menos los 16 primeros caracteres. No se sincroniza nada con un nodo cuya clave no coincida.
nodes-add-submit = Comprobar la clave y añadir
nodes-stick = Memoria USB
nodes-stick-help = Donde no haya internet, lleve los registros en una memoria USB: se escribe en ella lo que los consejos de aquí permiten transmitir, cifrado para los nodos que eligió cada consejo, y se importa lo que la memoria trae para este nodo, comprobado al llegar.
nodes-stick-dir = La carpeta de la memoria, tal como la ve este ordenador
nodes-stick-submit = Sincronizar con la memoria
nodes-error-url = La dirección de un nodo empieza por http:// o https://.
nodes-error-key = El nodo de esa dirección tiene la clave { $key }, no la que escribió. No se ha añadido nada: compruebe la dirección, y la clave con su responsable.
nodes-error-self = Esa dirección es la de este mismo nodo.
nodes-added = Se ha añadido { $url } (clave del nodo { $key }). La primera sincronización empieza ahora.
nodes-syncing = Ha empezado una sincronización con todos los nodos vinculados. Recargue esta página dentro de un momento para ver cómo ha ido.
nodes-stick-missing = No hay ninguna carpeta { $dir } en este ordenador. Conecte la memoria e indique la ruta completa de una carpeta que esté en ella.
nodes-stick-done = Hecho: consejos actualizados desde la memoria: { $imported } (eventos nuevos: { $events }); escritos en ella: { $written }; archivos dejados para otros nodos: { $skipped }.
copies-title = Copias del registro
copies-help = El registro contiene los nombres de los miembros. Solo reciben una copia los nodos elegidos aquí (además del propio nodo de este consejo); cada uno la mantiene al día y solo puede transmitirla a los demás nodos elegidos.
copies-cards = Nodos que pueden guardar una copia: sus tarjetas, una por línea
copies-cards-hint = Una tarjeta empieza por kenes-node: y aparece en la página Nodos de cada nodo.
copies-public = Cualquiera puede guardar una copia (consejo público)
copies-submit = Guardar la elección de copias
error-too-many-holders = Como máximo 64 nodos distintos pueden guardar copias.
error-node-card = Una tarjeta de nodo no es válida: debe ser kenes-node:, la clave del nodo de 64 dígitos, dos puntos y la clave age que empieza por age1.

# The record as sentences: copies
ev-council-copies = { $by } eligió qué nodos pueden guardar una copia del registro.

# Copies on the council's page
copies-fork = Atención: el nodo de origen de este consejo firmó dos historias distintas en el evento { $height } (visto a través de { $from }). Este nodo guarda ambas como prueba y no sigue ninguna hasta que alguien decida.
copies-vouched = Otros nodos que verificaron este registro hasta el evento { $height }: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = Obtener kenes de este nodo
spread-title = Obtener kenes de este nodo
spread-intro = Este nodo ofrece el mismo programa que ejecuta, para que un portátil de esta red pueda obtener kenes sin internet. Antes de ejecutarlo, compare su SHA-256 con una copia de confianza: léalo en voz alta con alguien cuyo kenes venga de otro sitio.
spread-file = Archivo
spread-size = Tamaño
spread-megabytes = { $mb } MB
spread-platform = Para
spread-download = Descargar kenes
spread-check = Compruébelo y después ejecútelo
spread-check-help = En una terminal del otro portátil:
spread-compare = La línea que imprime sha256sum debe ser el SHA-256 de arriba y el que muestra una copia de confianza (cada nodo muestra el suyo en esta página). Si no coinciden, no lo ejecute.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = Nodos en esta red
nodes-nearby-off = Desactivado: este nodo no se anuncia ni busca otros. Actívelo solo en una red de confianza, porque cualquiera en ella verá que aquí hay un nodo de kenes.
nodes-nearby-start = Anunciar este nodo y buscar otros
nodes-nearby-on = Este nodo se anuncia en esta red y muestra los nodos que oye. No se sincroniza con ninguno hasta que usted lo añada.
nodes-nearby-none = Aún no se ha oído ningún otro nodo. Aparecen aquí a medida que responden; vuelva a cargar en un momento.
nodes-nearby-add = Añadir { $url }
nodes-nearby-compare = Abra la página Nodos en ese nodo (o pregunte a la persona que está a su lado) y compare su clave con esta: { $key }. Añádalo solo si todos los grupos coinciden.
nodes-nearby-same = Las claves coinciden: añadir
nodes-nearby-stop = Dejar de anunciar y buscar
nodes-nearby-failed = No se pudo usar la red local: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } registró que este consejo se unió a la federación «{ $name }».
ev-recall-rule-set = { $by } fijó el umbral de revocación: una petición para revocar a una persona delegada necesita las firmas del { $percent } % de los miembros con derecho a voto.
ev-mandate-given = { $by } registró el mandato de { $delegate } para el escaño { $seat } en la federación.
ev-recall-signed = { $by } firmó la petición de revocación del mandato { $mandate }.
ev-recall-withdrawn = { $by } retiró su firma de la petición de revocación del mandato { $mandate }.
ev-mandate-recalled = { $by } registró que el consejo revocó el mandato { $mandate }.
ev-mandate-ended = { $by } registró el fin del mandato { $mandate }.
ev-mandate-instructed = { $instruction ->
    [for] { $by } registró la instrucción del consejo sobre la moción { $motion } de la reunión { $assembly } de la federación: votar a favor.
    [against] { $by } registró la instrucción del consejo sobre la moción { $motion } de la reunión { $assembly } de la federación: votar en contra.
    [abstain] { $by } registró la instrucción del consejo sobre la moción { $motion } de la reunión { $assembly } de la federación: abstenerse.
   *[free] { $by } registró que la persona delegada vota libremente sobre la moción { $motion } de la reunión { $assembly } de la federación.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } retiró a { $name } de los consejos miembros de la federación.
    [one] { $by } asignó a { $name } { $seats } escaño en la federación, con un voto de peso { $weight }.
   *[other] { $by } asignó a { $name } { $seats } escaños en la federación, cada voto con un peso de { $weight }.
}
ev-delegate-seated = { $by } asignó a { $name } el escaño { $seat }, con el mandato { $mandate } de su consejo.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } retiró el escaño a { $member }: su consejo revocó su mandato.
   *[ended] { $by } retiró el escaño a { $member }: su mandato terminó.
}

# The federations page (federations/pages.rs)
fd-title = Federaciones y personas delegadas
fd-memberships = Federaciones a las que pertenece este consejo
fd-memberships-none = Este consejo no se ha unido a ninguna federación.
fd-join = Unirse a una federación
fd-join-help = Pida a la secretaría de la federación su identificador (64 caracteres, visible en la página de la propia federación) y registre aquí que este consejo se unió a ella.
fd-federation-id = Identificador de la federación
fd-federation-name = Nombre de la federación
fd-join-submit = Registrar que nos unimos
fd-mandates = Personas delegadas y sus mandatos
fd-mandates-none = Todavía no se ha otorgado ningún mandato.
fd-mandate-line = Mandato { $mandate }: { $delegate }, escaño { $seat } en la federación «{ $federation }»
fd-active = Vigente
fd-recalled = Revocado
fd-ended = Finalizado
fd-petition = Petición de revocación: { $signatures } de { $needed } firmas necesarias
fd-sign = Firmar la petición para revocar a { $delegate }
fd-withdraw = Retirar mi firma
fd-instructed = Instrucción sobre la moción { $motion } de la reunión { $assembly } de la federación: { $instruction ->
    [for] votar a favor
    [against] votar en contra
    [abstain] abstenerse
   *[free] voto libre
}
fd-instruction-for = Votar a favor
fd-instruction-against = Votar en contra
fd-instruction-abstain = Abstenerse
fd-instruction-free = Voto libre
fd-give = Otorgar un mandato
fd-give-help = Un mandato ejecuta una decisión que tomó el consejo: una votación aprobada, una votación entre candidaturas que eligió a la persona delegada o una elección ya escrutada.
fd-federation = Federación
fd-seat = Escaño
fd-delegate = Persona delegada
fd-decision = Decisión
fd-no-decision = Todavía no hay ninguna decisión que ejecutar: primero haga la votación en una reunión.
fd-not-a-number = Escriba un número entero en el campo { $what }.
fd-instructions = Instrucciones (opcional)
fd-give-submit = Registrar el mandato
fd-recall = Revocar a { $delegate }
fd-recall-help = La petición ya reúne sus firmas. Someta la revocación a una votación a favor o en contra en una reunión y luego registre aquí esa votación.
fd-recall-submit = Registrar la revocación
fd-end = Finalizar el mandato { $mandate }
fd-end-question = ¿Finalizar este mandato ahora, porque ha vencido su plazo o la persona delegada dimite?
fd-end-submit = Finalizar el mandato
fd-instruct = Dar instrucciones a la persona delegada
fd-instruct-help = Cuando el consejo haya votado cómo debe votar su persona delegada sobre una moción de la federación, regístrelo aquí.
fd-meeting = Número de la reunión en la federación
fd-motion = Número de la moción
fd-instruction = Instrucción
fd-instruct-submit = Registrar la instrucción
fd-rule = Umbral de revocación
fd-rule-help = La proporción de los miembros con derecho a voto cuyas firmas someten una revocación a votación. Ahora: { $percent } %.
fd-percent = Porcentaje
fd-rule-submit = Fijar el umbral
fd-id = Identificador de esta federación, para dárselo a sus consejos miembros:
fd-members = Consejos miembros
fd-members-none = Todavía no figura ningún consejo miembro.
fd-member-line = { $seats ->
    [one] { $name }: { $seats } escaño, con un voto de peso { $weight }
   *[other] { $name }: { $seats } escaños, cada voto con un peso de { $weight }
}
fd-list = Inscribir un consejo miembro o cambiar sus escaños
fd-council-id = Identificador del consejo miembro
fd-council-name = Su nombre
fd-seats = Escaños
fd-weight = Peso del voto de cada escaño
fd-list-submit = Guardar
fd-seated = Personas delegadas con escaño
fd-seated-none = Todavía nadie ocupa un escaño.
fd-seated-line = { $name } ({ $council }, escaño { $seat }), voto de peso { $weight }
fd-check-checked = Comprobado con el registro de { $council }.
fd-check-unchecked = Aún sin comprobar: el registro de { $council } no está en este nodo.
fd-check-wrong = No se sostiene: { $why }
fd-pending = Mandatos a la espera de escaño
fd-pending-line = { $delegate }, { $council }, escaño { $seat } (mandato { $mandate })
fd-seat-submit = Asignar el escaño a { $delegate }
fd-ended-list = Mandatos finalizados
fd-unseat-submit = Retirar el escaño a { $name }
fd-past = Personas delegadas que dejaron su escaño
fd-past-line = { $reason ->
    [recalled] { $name } ({ $council }): su consejo revocó su mandato
   *[ended] { $name } ({ $council }): su mandato terminó
}
fd-after-end = Votos emitidos después de finalizar el mandato, conservados y marcados: { $votes }
fd-vote-ref = reunión { $assembly }, votación { $vote }
fd-voted = { $voted ->
    [yes] { $delegate } votó a favor, como permite la instrucción.
    [no] { $delegate } votó en contra, como permite la instrucción.
   *[abstain] { $delegate } se abstuvo, como permite la instrucción.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } votó a favor, en contra de la instrucción del consejo. Los miembros pueden firmar abajo la petición de revocación.
    [no] { $delegate } votó en contra, en contra de la instrucción del consejo. Los miembros pueden firmar abajo la petición de revocación.
   *[abstain] { $delegate } se abstuvo, en contra de la instrucción del consejo. Los miembros pueden firmar abajo la petición de revocación.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = Sus instrucciones de { $council }
fd-your-instruction = Moción { $motion } «{ $title }»: { $instruction ->
    [for] votar a favor
    [against] votar en contra
    [abstain] abstenerse
   *[free] votar según su criterio
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } registró la decisión de la federación «{ $title }».

# Motions that travel (federations/pages.rs)
fd-forward = Presentar una moción que su consejo adoptó
fd-forward-help = Irá al punto del orden del día que se trata ahora en la reunión de la federación, con su origen: cualquiera que tenga el registro de su consejo puede comprobar que se adoptó tal como está escrita.
fd-forward-submit = Presentar «{ $title }»
fd-no-open-meeting = La federación no tiene ninguna reunión en curso con un punto del orden del día abierto.
fd-decisions = Decisiones de la federación
fd-decisions-help = Mociones que adoptó la federación. Registrar una aquí la incorpora al registro de este consejo, con su procedencia.
fd-receive-submit = Registrar «{ $title }» aquí
fd-received = Decisiones de la federación registradas aquí
fd-origin = adoptada primero por { $council }

# Offices held for a term (councils/offices.rs)
office-title = Cargos
office-line = { $name }: { $office }, hasta el { $until }
office-ends-soon = (el mandato termina pronto)
office-give = Cargos y sus mandatos
office-give-help = Asigne a un miembro un cargo (tesorería, presidencia, actas…) hasta una fecha. La página del consejo muestra quién ocupa qué cargo y hasta cuándo.
office-member = Miembro
office-name = Cargo
office-name-example = Tesorería
office-until = Hasta (el final de ese día, UTC)
office-give-submit = Asignar el cargo
office-end = Terminar este mandato ahora
office-end-question = ¿Terminar este mandato antes de su fecha (renuncia o decisión del consejo)?
office-end-submit = Terminar el mandato
office-bad-date = Indique el final del mandato como fecha (año-mes-día).
ev-office-term-given = { $by } asignó a { $member } el cargo de { $office } por un mandato.
ev-office-term-ended = { $by } terminó antes de tiempo el mandato { $term }.

# Federations: sizes, terms, refusals
fd-by-size = Ponderado por tamaño a fecha de { $date }; miembros representados: { $members }.
fd-weigh-help = Pondere los escaños de cada consejo miembro según su tamaño: los miembros que pueden votar en él (en una federación, el peso de sus personas delegadas con escaño), repartidos entre sus escaños. El tamaño se lee de su registro en este nodo y se cita, para que cualquiera pueda comprobarlo.
fd-weigh-submit = Ponderar ahora los escaños por tamaño
fd-not-held = Sin ponderar, porque sus registros no están en este nodo: { $councils }. Sus pesos siguen como estaban.
fd-until = Hasta el { $date }.
fd-term-over = Su plazo terminó el { $date }: finalice este mandato y otorgue uno nuevo.
fd-until-label = Hasta (opcional: el fin del plazo)
fr-bad-id = { $id } no es un identificador de consejo (64 dígitos hexadecimales en minúscula).
fr-itself = Un consejo no puede ser su propia federación ni su propio miembro.
fr-already-joined = Este consejo ya se unió a esa federación.
fr-not-joined = Este consejo no se ha unido a esa federación.
fr-bad-percent = El umbral de revocación está entre el 1 y el 100 por ciento, no { $percent }.
fr-seat-taken = El escaño { $seat } ya lo ocupa el mandato { $mandate }.
fr-no-seat = Los escaños se numeran desde el 1.
fr-no-mandate = No existe el mandato { $mandate }.
fr-mandate-ended = El mandato { $mandate } ha finalizado.
fr-already-signed = Ya ha firmado esta petición.
fr-not-signed = No ha firmado esta petición.
fr-threshold = Firmas de la petición: { $signatures }; hacen falta { $needed } para someter una revocación a votación.
fr-vote-before-petition = Esa votación se abrió antes de que la petición alcanzara su umbral: someta la revocación a una nueva votación.
fr-no-vote = No existe la votación { $vote } en la reunión { $meeting }.
fr-vote-open = La votación { $vote } de la reunión { $meeting } aún no está cerrada.
fr-not-passed = La votación { $vote } de la reunión { $meeting } no se aprobó.
fr-not-elected = La votación { $vote } de la reunión { $meeting } no eligió a { $name }.
fr-not-yes-no = Esto requiere una votación de sí o no, y la votación { $vote } de la reunión { $meeting } fue una elección entre opciones.
fr-not-tallied = La elección { $election } aún no está escrutada.
fr-decision-used = Esa decisión ya se ha ejecutado con otro paso.
fr-not-a-federation = Solo una federación inscribe consejos miembros y asigna escaños a personas delegadas.
fr-not-listed = Ese consejo no es miembro de esta federación.
fr-seats-occupied = Escaños ocupados del consejo: { $occupied }; no puede tener menos.
fr-bad-weight = El peso de un escaño está entre 1 y 1 000 000, no { $weight }.
fr-not-by-size = Por tamaño (miembros: { $members }; escaños: { $seats }), cada escaño pesa { $expected }, no { $weight }.
fr-beyond-seats = El escaño { $seat } supera el número de escaños del consejo ({ $seats }).
fr-mandate-used = El mandato { $mandate } de ese consejo ya obtuvo su escaño.
fr-citation-council = La referencia cita a un consejo distinto del que tiene el escaño.
fr-not-seated = Ese miembro no ocupa ningún escaño.
fr-not-the-delegate = Solo la persona delegada, la presidencia o la secretaría pueden finalizar un mandato.
fr-not-your-council = Una persona delegada solo presenta mociones que adoptó su propio consejo.
fr-already-received = Esa decisión de la federación ya está registrada aquí.
fr-citation-wrong = La referencia no se sostiene frente al registro de este nodo: { $why }
fr-term-ends-before = El plazo debe terminar después de su inicio.
fr-no-term = No existe el mandato de cargo { $term }.
fr-term-ended = El mandato de cargo { $term } ha terminado.

# Ranked secret ballots
el-kind = Cómo responden los votantes
el-kind-mark = Marcan respuestas
el-kind-irv = Las ordenan: segunda vuelta instantánea (un ganador)
el-kind-stv = Las ordenan: voto único transferible (varios puestos)
el-kind-schulze = Las ordenan: Schulze (Condorcet)
el-kind-borda = Las ordenan: recuento Borda
el-kind-mj = Juicio mayoritario
el-seats = Puestos a cubrir (voto único transferible)
el-kind-help = Una papeleta con orden de preferencia sigue siendo secreta: los custodios mezclan las papeletas antes de descifrarlas, así que cada orden se cuenta sin que nadie sepa de quién es. Así, cada votante cuenta una vez.
el-error-ranked-weights = Una pregunta por orden de preferencia cuenta cada papeleta una vez: un censo con pesos no puede tenerla.
el-js-rank-none = Pregunta { $question }: dé la posición 1 a su primera opción.
el-js-rank-gap = Pregunta { $question }: use las posiciones 1, 2, 3… en orden, cada una una sola vez.
el-rank-how = Dé la posición 1 a su primera opción, la 2 a la siguiente, y así sucesivamente. No hace falta ordenar las { $count } respuestas.
el-rank-none = Sin posición
el-rank-n = Posición { $rank }
el-js-shuffle-needed = La votación está cerrada. Antes de que nadie descifre, cada custodio mezcla las papeletas con orden de preferencia: pulse «Mezclar en este navegador» o mezcle en su ordenador y envíe el archivo.
el-js-shuffle-waiting = Su mezcla se ha recibido. Esperando a que los demás custodios mezclen; después, usted descifra.
el-shuffle-help = La mezcla vuelve a cifrar las papeletas en un orden secreto y lo demuestra, de modo que nadie puede saber de quién es cada orden.
el-shuffle-send = Después envíe shuffle.txt con «Archivo creado con la línea de comandos», más abajo.
el-error-shuffle = La mezcla se rechaza: { $reason }
el-ranked-seats = { $method }, puestos: { $seats }
el-ranked-ballots = Papeletas: { $count }, mezcladas por los custodios { $trustees }
el-ranked-elected = Elegidos: { $names }
el-ranked-lots = Los empates se resolvieron por sorteo a partir de { $seed } (del hash del resultado descifrado), así que quien vuelva a contar obtiene el mismo sorteo.
el-ranked-count-failed = El recuento ha fallado: { $reason }
el-ranked-ballots-list = Las papeletas descifradas (en el orden mezclado; cada número es una posición)

# Ranked secret ballots
el-method-borda = Recuento de Borda (por orden)

# Ranked secret ballots
el-shuffle-here = Mezclar en este navegador
el-shuffle-or = O mezcle en su ordenador con la línea de órdenes:
el-js-shuffling = Mezclando y demostrando…

# The election's group
el-group = Grupo criptográfico
el-group-help = Ed25519 (Belenios 3) es el más rápido en los teléfonos. BELENIOS-2048 sirve para verificar la elección con belenios-tool 2.0; no admite preguntas por orden de preferencia. RFC-3526-2048 es un grupo de 2048 bits que sí las admite.
el-error-ranked-group = Una pregunta por orden de preferencia no puede hacerse en BELENIOS-2048: elija Ed25519 o RFC-3526-2048.

# STV's rules in the set-up form
el-rules = Reglas
el-rules-scottish = reglas escocesas de STV
el-rules-wigm = método de Gregory inclusivo ponderado
el-rules-ers97 = reglas ERS97
el-rules-meek = método de Meek

# Majority judgment in the set-up form, the booth and the result
el-grades = Calificaciones (juicio mayoritario), de la mejor a la peor, una por línea
el-grades-example = Excelente / Buena / Aceptable / Mala / Rechazo, una por línea
el-grade-how = Califique a cada candidato. Gana el candidato con la mejor calificación mediana.
el-grade-none = Elija una calificación
el-js-grade-missing = Pregunta { $question }: califique a cada candidato.
el-answer = Respuesta
el-majority-grade = Calificación mayoritaria

# Who has shuffled, on the election's page
el-trustee-shuffled = ha mezclado las papeletas con orden de preferencia
el-trustee-to-shuffle = todavía no ha mezclado las papeletas con orden de preferencia
