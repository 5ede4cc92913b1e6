# kenes — português (tradução do catálogo de referência en.ftl: exatamente as mesmas chaves).

## Moldura
skip-to-content = Ir para o conteúdo
nav-label = Principal
nav-councils = Conselhos
nav-account = Conta
nav-sign-in = Entrar
nav-sign-out = Sair
language-label = Idioma
language-switch = Mudar
footer-text = O kenes mantém o histórico de cada conselho assinado e encadeado por hash: qualquer pessoa que tenha uma cópia pode verificá-lo.

## Início e entrada
home-title = Boas-vindas ao kenes
home-intro = O kenes ajuda conselhos, sindicatos, cooperativas e assembleias a exercer o autogoverno: membros, reuniões, votações e um histórico que ninguém pode reescrever às escondidas.
signin-title = Entrar
signin-submit = Entrar
signin-failed = O nome de acesso ou a senha não estão corretos.
signin-link-hint = Recebeu um link de acesso? Abra-o neste dispositivo.
field-username = Nome de acesso
field-username-hint = De 3 a 64 letras, algarismos, pontos, traços ou sublinhados.
field-password = Senha
field-new-password = Nova senha
field-password-hint = Pelo menos 10 caracteres.
field-display-name = Nome público
display-name-hint = É o nome que o conselho vai ver. Pode ser um nome fictício; o histórico não guarda mais nada sobre a sua pessoa.
field-role = Função
field-council = Conselho

## Primeiro administrador
setup-title = Configurar este nó kenes
setup-intro = Crie a primeira conta de administrador. Este link só funciona uma vez.
setup-submit = Criar administrador

## Conselhos
councils-title = Os seus conselhos
councils-none = Ainda não é membro de nenhum conselho.
councils-caption = Conselhos dos quais é membro
council-create = Criar um conselho
council-name = Nome
council-kind = Tipo
council-description = Descrição
council-languages = Idiomas
council-founder-name = O seu nome público neste conselho
council-members-count = Membros
council-your-role = A sua função
council-member-total = { $count ->
    [one] { $count } membro
   *[other] { $count } membros
}
council-sections = Áreas do conselho
settings-title = Configurações do conselho
settings-submit = Salvar as configurações
kind-workplace = Conselho de local de trabalho
kind-neighbourhood = Conselho de bairro
kind-union = Sindicato
kind-cooperative = Cooperativa
kind-federation = Federação de conselhos
kind-assembly = Assembleia

## Membros
members-title = Membros
member-you = (você)
member-joined = Entrada
member-number = Número de membro
member-status = Situação
member-active = Ativo
member-removed = Removido
member-joined-via = Forma de entrada
joined-via-invitation = Convite
joined-via-secretary = Adicionado por um presidente ou secretário
member-rename-title = Nome público
member-rename-submit = Alterar o nome
member-manage = Administrar este membro
member-change-role = Mudar a função
member-make-link = Criar um link de acesso
member-remove = Remover do conselho
member-add-title = Adicionar um membro
member-add-hint = Adicione alguém pelo nome; o kenes gera um link de acesso de uso único para entregar a essa pessoa.
member-add-submit = Adicionar membro
member-added-title = Membro adicionado
member-added-hint = Entregue este link de uso único ao membro, pessoalmente ou por um meio de confiança. Permite entrar uma vez e expira em 14 dias.
member-link-title = Link de acesso
link-label = Link
back-to-council = Voltar ao conselho
role-member = Membro
role-chair = Presidente
role-secretary = Secretário
role-observer = Observador

## Convites
invite-title = Convidar alguém
invite-hint = Crie um link de uso único; quem o abrir escolhe um nome público e uma senha e entra com a função escolhida aqui.
invite-submit = Criar link de convite
invite-created-title = Link de convite
invite-created-hint = Envie este link a uma única pessoa. Funciona uma vez e expira em 14 dias.
join-title = Entrar em { $council }
join-intro = Recebeu um convite para entrar neste conselho. Escolha o nome que o conselho vai ver.
join-submit = Entrar

## Links de acesso
link-signin-title = Entrar com o seu link
link-signin-intro = Este link permite entrar uma vez. Depois pode definir uma senha na página da sua conta.

## Importação
import-title = Importar uma lista de membros
import-hint = Envie um arquivo CSV com uma linha de cabeçalho e uma coluna "name"; as colunas "role" e "contact" são opcionais. Os dados de contato ficam neste nó e nunca entram no histórico. Se alguma linha estiver errada, nada é importado.
import-file = Arquivo CSV
import-submit = Importar
import-done = { $count ->
    [one] { $count } membro importado.
   *[other] { $count } membros importados.
}
import-refused = { $count ->
    [one] { $count } linha foi rejeitada, por isso nada foi importado. Corrija-a e envie o arquivo novamente.
   *[other] { $count } linhas foram rejeitadas, por isso nada foi importado. Corrija-as e envie o arquivo novamente.
}
import-file-error = Não é possível ler o arquivo como lista de membros: { $detail }
import-rejected-caption = Linhas rejeitadas
import-line = Linha
import-reason = Motivo
roll-field-count = Esta linha tem { $found } campos, mas o cabeçalho tem { $expected }.
roll-csv = O CSV está malformado aqui: { $detail }
roll-contact = O contato tem mais de 200 caracteres ou contém caracteres não imprimíveis.
roll-already-member = { $name } já é membro deste conselho.
roll-duplicate = { $name } já aparece na linha { $line }.

## Histórico
record-title = Histórico
record-of = Histórico de { $council }
record-intro = Cada alteração neste conselho é um evento: numerado, assinado pelo nó que o escreveu e encadeado ao anterior pelo seu hash.
record-council-id = Identificador do conselho
record-home-node = Nó de origem
record-height = Número
record-height-n = evento n.º { $height }
record-time = Hora
record-kind = Tipo
record-hash = Hash
record-payload = Conteúdo
bundle-download = Obter o histórico (arquivo único)
record-pages = Páginas do histórico
record-newer = Eventos mais recentes
record-older = Eventos anteriores

## Conta
account-title = A sua conta
account-no-password = A sua conta ainda não tem senha: entrou com um link. Defina uma para poder voltar a entrar mais tarde.
account-set-password = Definir senha
account-password-set = A sua senha está definida.

## Erros
error-title = Algo não está bem
error-back = Voltar
error-not-found = Não há nada aqui.
error-sign-in-required = Entre primeiro.
error-forbidden = Não tem permissão para ver ou fazer isto.
error-csrf = Este formulário expirou ou não veio deste site. Recarregue a página e tente novamente.
error-too-large = O que enviou é grande demais.
error-internal = Ocorreu um erro no servidor. Nada foi alterado.
error-json = O corpo do pedido não é o JSON esperado.
error-upload = Não foi possível ler o arquivo enviado.
error-password-length = A senha deve ter pelo menos 10 caracteres.
error-username = O nome de acesso deve ter de 3 a 64 letras, algarismos, pontos, traços ou sublinhados.
error-username-taken = Esse nome de acesso já está em uso.
error-link-invalid = Este link não é válido: já foi usado, expirou ou foi escrito com erro.
error-already-member = Já é membro deste conselho.
error-empty = { $what ->
    [display-name] O nome público está vazio.
    [council-name] O nome do conselho está vazio.
    [languages] Escolha pelo menos um idioma.
   *[other] Um campo obrigatório está vazio.
}
error-too-long = { $what ->
    [display-name] O nome público tem mais de { $max } caracteres.
    [council-name] O nome do conselho tem mais de { $max } caracteres.
    [description] A descrição tem mais de { $max } caracteres.
   *[other] Um campo tem mais de { $max } caracteres.
}
error-control = { $what ->
    [display-name] O nome público contém caracteres não imprimíveis.
    [council-name] O nome do conselho contém caracteres não imprimíveis.
   *[other] Um campo contém caracteres não imprimíveis.
}
error-council-kind = Escolha um tipo de conselho da lista.
error-role = A função deve ser membro, presidente, secretário ou observador.
error-language = Escolha os idiomas da lista.
error-not-a-member = Essa pessoa não é membro ativo deste conselho.
error-not-allowed = Só um presidente ou um secretário pode fazer isto.
error-duplicate-name = Já existe neste conselho um membro chamado { $name }.
error-last-manager = O conselho tem de manter pelo menos um presidente ou secretário.
error-empty-import = Não há nada para importar.
error-import-too-large = Uma importação pode ter no máximo 10 000 membros.
error-unchanged = O membro já tem essa função.
