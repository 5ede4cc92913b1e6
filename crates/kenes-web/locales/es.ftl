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
signin-link-hint = ¿Le dieron un enlace de acceso? Ábralo en este dispositivo.
field-username = Nombre de usuario
field-username-hint = De 3 a 64 letras, cifras, puntos, guiones o guiones bajos.
field-password = Contraseña
field-new-password = Nueva contraseña
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
roll-field-count = Esta fila tiene { $found } campos, pero el encabezado tiene { $expected }.
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

## Errores
error-title = Algo no está bien
error-back = Volver
error-not-found = Aquí no hay nada.
error-sign-in-required = Inicie sesión primero.
error-forbidden = No tiene permiso para ver o hacer esto.
error-csrf = Este formulario ha caducado o no procede de este sitio. Recargue la página e inténtelo de nuevo.
error-too-large = Lo que ha enviado es demasiado grande.
error-internal = Algo falló en el servidor. No se ha cambiado nada.
error-json = El cuerpo de la solicitud no es el JSON esperado.
error-upload = No se pudo leer el archivo subido.
error-password-length = La contraseña debe tener al menos 10 caracteres.
error-username = El nombre de usuario debe tener de 3 a 64 letras, cifras, puntos, guiones o guiones bajos.
error-username-taken = Ese nombre de usuario ya está en uso.
error-link-invalid = Este enlace no es válido: ya se usó, ha caducado o se escribió mal.
error-already-member = Ya es miembro de este consejo.
error-empty = { $what ->
    [display-name] El nombre visible está vacío.
    [council-name] El nombre del consejo está vacío.
    [languages] Elija al menos un idioma.
   *[other] Hay un campo obligatorio vacío.
}
error-too-long = { $what ->
    [display-name] El nombre visible tiene más de { $max } caracteres.
    [council-name] El nombre del consejo tiene más de { $max } caracteres.
    [description] La descripción tiene más de { $max } caracteres.
   *[other] Un campo tiene más de { $max } caracteres.
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
