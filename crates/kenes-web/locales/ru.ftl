# kenes — русский (перевод эталонного каталога en.ftl: ключи в точности те же).

## Рамка страницы
skip-to-content = Перейти к содержимому
nav-label = Главное меню
nav-councils = Советы
nav-account = Учётная запись
nav-sign-in = Войти
nav-sign-out = Выйти
language-label = Язык
language-switch = Сменить
footer-text = kenes ведёт журнал каждого совета с подписями и цепочкой хешей: любой, у кого есть копия, может его проверить.

## Главная страница и вход
home-title = Добро пожаловать в kenes
home-intro = kenes помогает советам, профсоюзам, кооперативам и собраниям самоуправляться: члены, заседания, голосования и журнал, который никто не может незаметно переписать.
signin-title = Вход
signin-submit = Войти
signin-failed = Неверное имя пользователя или пароль.
signin-link-hint = Вам дали ссылку для входа? Тогда просто откройте её на этом устройстве.
field-username = Имя пользователя
field-username-hint = От 3 до 64 символов: буквы, цифры, точки, дефисы или подчёркивания.
field-password = Пароль
field-new-password = Новый пароль
field-password-hint = Не менее 10 символов.
field-display-name = Отображаемое имя
display-name-hint = Под этим именем вас будут знать в совете. Можно взять псевдоним: кроме этого имени, журнал ничего о вас не хранит.
field-role = Роль
field-council = Совет

## Первый администратор
setup-title = Настройка этого узла kenes
setup-intro = Создайте первую учётную запись администратора. Эта ссылка действует только один раз.
setup-submit = Создать администратора

## Советы
councils-title = Ваши советы
councils-none = Вы пока не состоите ни в одном совете.
councils-caption = Советы, в которых вы состоите
council-create = Создать совет
council-name = Название
council-kind = Тип
council-description = Описание
council-languages = Языки
council-founder-name = Ваше отображаемое имя в этом совете
council-members-count = Члены
council-your-role = Ваша роль
council-member-total = { $count ->
    [one] { $count } член
    [few] { $count } члена
    [many] { $count } членов
   *[other] { $count } члена
}
council-sections = Разделы совета
settings-title = Настройки совета
settings-submit = Сохранить настройки
kind-workplace = Совет трудового коллектива
kind-neighbourhood = Соседский совет
kind-union = Профсоюз
kind-cooperative = Кооператив
kind-federation = Федерация советов
kind-assembly = Собрание

## Члены
members-title = Члены совета
member-you = (вы)
member-joined = Дата вступления
member-number = Членский номер
member-status = Статус
member-active = Действующий
member-removed = Исключён
member-joined-via = Способ вступления
joined-via-invitation = По приглашению
joined-via-secretary = Добавлен председателем или секретарём
member-rename-title = Отображаемое имя
member-rename-submit = Изменить имя
member-manage = Действия с этим членом
member-change-role = Изменить роль
member-make-link = Создать ссылку для входа
member-remove = Исключить из совета
member-add-title = Добавить члена
member-add-hint = Добавьте человека по имени; kenes выдаст одноразовую ссылку для входа, которую нужно ему передать.
member-add-submit = Добавить члена
member-added-title = Член добавлен
member-added-hint = Передайте эту одноразовую ссылку члену лично или по каналу, которому вы доверяете. По ней можно войти один раз; через 14 дней она перестаёт действовать.
member-link-title = Ссылка для входа
link-label = Ссылка
back-to-council = Назад к совету
role-member = Член
role-chair = Председатель
role-secretary = Секретарь
role-observer = Наблюдатель

## Приглашения
invite-title = Пригласить человека
invite-hint = Создайте одноразовую ссылку: тот, кто её откроет, выберет отображаемое имя и пароль и вступит в совет с выбранной вами ролью.
invite-submit = Создать ссылку-приглашение
invite-created-title = Ссылка-приглашение
invite-created-hint = Отправьте эту ссылку одному человеку. Она действует один раз и не дольше 14 дней.
join-title = Вступить в «{ $council }»
join-intro = Вас пригласили вступить в этот совет. Выберите, под каким именем вас будут знать в совете.
join-submit = Вступить

## Ссылки для входа
link-signin-title = Вход по ссылке
link-signin-intro = По этой ссылке можно войти один раз. Потом вы сможете задать пароль на странице учётной записи.

## Импорт
import-title = Импорт списка членов
import-hint = Загрузите файл CSV со строкой заголовков и столбцом «name»; столбцы «role» и «contact» необязательны. Контактные данные остаются на этом узле и никогда не попадают в журнал. Если хотя бы одна строка ошибочна, ничего не импортируется.
import-file = Файл CSV
import-submit = Импортировать
import-done = { $count ->
    [one] Импортирован { $count } член.
    [few] Импортировано { $count } члена.
    [many] Импортировано { $count } членов.
   *[other] Импортировано { $count } члена.
}
import-refused = { $count ->
    [one] { $count } строка отклонена, поэтому ничего не импортировано. Исправьте её и загрузите файл снова.
    [few] { $count } строки отклонены, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
    [many] { $count } строк отклонено, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
   *[other] { $count } строки отклонено, поэтому ничего не импортировано. Исправьте их и загрузите файл снова.
}
import-file-error = Файл не удаётся прочитать как список членов: { $detail }
import-rejected-caption = Отклонённые строки
import-line = Строка
import-reason = Причина
roll-field-count = В этой строке полей: { $found }, а в заголовке: { $expected }.
roll-csv = Ошибка формата CSV в этом месте: { $detail }
roll-contact = Контакт длиннее 200 символов или содержит управляющие символы.
roll-already-member = { $name } уже состоит в этом совете.
roll-duplicate = { $name } уже есть в строке { $line }.

## Журнал
record-title = Журнал
record-of = Журнал совета: { $council }
record-intro = Каждое изменение в этом совете — событие: оно пронумеровано, подписано узлом, который его записал, и связано с предыдущим событием через его хеш.
record-council-id = Идентификатор совета
record-home-node = Домашний узел
record-height = Номер
record-height-n = событие № { $height }
record-time = Время
record-kind = Тип
record-hash = Хеш
record-payload = Содержание
bundle-download = Скачать журнал (одним файлом)
record-pages = Страницы журнала
record-newer = Более новые события
record-older = Более старые события

## Учётная запись
account-title = Ваша учётная запись
account-no-password = У вашей учётной записи ещё нет пароля: вы вошли по ссылке. Задайте пароль, чтобы потом входить снова.
account-set-password = Задать пароль
account-password-set = Пароль задан.

## Ошибки
error-title = Что-то не так
error-back = Назад
error-not-found = Здесь ничего нет.
error-sign-in-required = Сначала войдите.
error-forbidden = Вам нельзя просматривать это или выполнять это действие.
error-csrf = Срок действия формы истёк, или она отправлена не с этого сайта. Обновите страницу и попробуйте снова.
error-too-large = Отправленные данные слишком велики.
error-internal = На сервере произошла ошибка. Ничего не изменено.
error-json = Тело запроса не соответствует ожидаемому формату JSON.
error-upload = Не удалось прочитать загруженный файл.
error-password-length = Пароль должен содержать не менее 10 символов.
error-username = Имя пользователя должно содержать от 3 до 64 символов: буквы, цифры, точки, дефисы или подчёркивания.
error-username-taken = Это имя пользователя уже занято.
error-link-invalid = Эта ссылка недействительна: она уже использована, срок её действия истёк или в ней опечатка.
error-already-member = Вы уже состоите в этом совете.
error-empty = { $what ->
    [display-name] Отображаемое имя не заполнено.
    [council-name] Название совета не заполнено.
    [languages] Выберите хотя бы один язык.
   *[other] Обязательное поле не заполнено.
}
error-too-long = { $what ->
    [display-name] Отображаемое имя длиннее { $max } символов.
    [council-name] Название совета длиннее { $max } символов.
    [description] Описание длиннее { $max } символов.
   *[other] Одно из полей длиннее { $max } символов.
}
error-control = { $what ->
    [display-name] Отображаемое имя содержит управляющие символы.
    [council-name] Название совета содержит управляющие символы.
   *[other] Одно из полей содержит управляющие символы.
}
error-council-kind = Выберите тип совета из списка.
error-role = Роль должна быть одной из: член, председатель, секретарь, наблюдатель.
error-language = Выберите языки из списка.
error-not-a-member = Этот человек не является действующим членом этого совета.
error-not-allowed = Это может сделать только председатель или секретарь.
error-duplicate-name = Член с именем { $name } уже есть в этом совете.
error-last-manager = В совете должен оставаться хотя бы один председатель или секретарь.
error-empty-import = Импортировать нечего.
error-import-too-large = За один импорт можно добавить не более 10 000 членов.
error-unchanged = У этого члена уже эта роль.
