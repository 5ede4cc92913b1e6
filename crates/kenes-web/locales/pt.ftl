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
signin-throttled = Demasiadas tentativas falhadas de entrar com este nome neste dispositivo. Tente de novo daqui a { $minutes } min.
signin-link-hint = Recebeu um link de acesso? Abra-o neste dispositivo.
field-username = Nome de acesso
field-username-hint = De 3 a 64 letras, algarismos, pontos, traços ou sublinhados.
field-password = Senha
field-new-password = Nova senha
field-current-password = Senha atual
password-current-wrong = A senha atual não está correta; a senha não foi alterada.
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
    [0] { $count } membros
    [one] { $count } membro
   *[other] { $count } membros
}
council-sections = Áreas do conselho
settings-title = Configurações do conselho
settings-submit = Salvar as configurações
settings-private = Conselho privado: eleições só à vista dos membros
settings-private-hint = As páginas das eleições, as urnas e os arquivos passam a ser mostrados só aos membros com sessão iniciada; a qualquer outra pessoa diz-se que a página não existe.
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
joined-via-founder = Fundou o conselho
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
links-title = Ligações abertas
links-hint = Convites e ligações de acesso que ninguém usou ainda. Retire a que chegou à pessoa errada.
links-none = Não há ligações abertas.
links-col-link = Ligação
links-col-expires = Expira
link-invitation = Convite como { $role }, feito por { $name }
link-signin = Ligação de acesso para { $name }
link-revoke = Retirar
link-revoke-label = Retirar a ligação que expira em { $expires }
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
    [0] { $count } membros importados.
    [one] { $count } membro importado.
   *[other] { $count } membros importados.
}
import-refused = { $count ->
    [0] { $count } linhas foram rejeitadas, por isso nada foi importado. Corrija-as e envie o arquivo novamente.
    [one] { $count } linha foi rejeitada, por isso nada foi importado. Corrija-a e envie o arquivo novamente.
   *[other] { $count } linhas foram rejeitadas, por isso nada foi importado. Corrija-as e envie o arquivo novamente.
}
import-file-error = Não é possível ler o arquivo como lista de membros: { $detail }
import-rejected-caption = Linhas rejeitadas
import-line = Linha
import-reason = Motivo
roll-field-count = { $found ->
    [0] Esta linha tem { $found } campos, mas o cabeçalho tem { $expected }.
    [one] Esta linha tem { $found } campo, mas o cabeçalho tem { $expected }.
   *[other] Esta linha tem { $found } campos, mas o cabeçalho tem { $expected }.
}
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
account-links-title = Links de acesso criados para si
account-links-new = Desde a última vez que entrou foram criados links de acesso para si: a lista mostra quem criou cada um e quando foi usado. Quem usou um entrou como se fosse você; se não foi você, avise o secretariado do seu conselho e defina uma senha.
account-links-maker = Criado por
account-links-made = Criado
account-links-used = Usado
account-links-unused = não usado
account-links-fresh = (novo)

## Erros
error-title = Algo não está bem
error-back = Voltar
error-not-found = Não há nada aqui.
error-sign-in-required = Entre primeiro.
error-forbidden = Não tem permissão para ver ou fazer isto.
error-csrf = Este formulário expirou ou não veio deste site. Recarregue a página e tente novamente.
error-too-large = O que enviou é grande demais.
error-internal = Ocorreu um erro no servidor. Nada foi alterado.
error-too-many-streams = Esta conta já acompanha todas as páginas em direto que pode. Feche outro separador ou a página aberta num telemóvel e recarregue.
error-busy = O servidor tem demasiado para verificar neste momento. Nada foi alterado: tente de novo daqui a pouco.
error-json = O corpo do pedido não é o JSON esperado.
error-upload = Não foi possível ler o arquivo enviado.
error-password-length = A senha deve ter pelo menos 10 caracteres.
error-username = O nome de acesso deve ter de 3 a 64 letras, algarismos, pontos, traços ou sublinhados.
error-username-taken = Esse nome de acesso já está em uso.
error-link-invalid = Este link não é válido: já foi usado, expirou, foi retirado ou foi escrito com erro.
error-link-own-account = Este membro tem uma conta própria (com senha, ou noutros conselhos), por isso não se pode criar um link de acesso para ele: entra com a sua senha.
error-already-member = Já é membro deste conselho.
error-empty = { $what ->
    [display-name] O nome público está vazio.
    [council-name] O nome do conselho está vazio.
    [languages] Escolha pelo menos um idioma.
   *[other] Um campo obrigatório está vazio.
}
error-too-long = { $what ->
    [display-name] { $max ->
        [0] O nome público tem mais de { $max } caracteres.
        [one] O nome público tem mais de { $max } caractere.
       *[other] O nome público tem mais de { $max } caracteres.
    }
    [council-name] { $max ->
        [0] O nome do conselho tem mais de { $max } caracteres.
        [one] O nome do conselho tem mais de { $max } caractere.
       *[other] O nome do conselho tem mais de { $max } caracteres.
    }
    [description] { $max ->
        [0] A descrição tem mais de { $max } caracteres.
        [one] A descrição tem mais de { $max } caractere.
       *[other] A descrição tem mais de { $max } caracteres.
    }
   *[other] { $max ->
        [0] Um campo tem mais de { $max } caracteres.
        [one] Um campo tem mais de { $max } caractere.
       *[other] Um campo tem mais de { $max } caracteres.
    }
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
error-out-of-range = { $what ->
    [quorum] O quórum é uma porcentagem de 0 a { $max }.
    [seconders] { $max ->
        [0] Podem ser exigidos no máximo { $max } apoios.
        [one] Pode ser exigido no máximo { $max } apoio.
       *[other] Podem ser exigidos no máximo { $max } apoios.
    }
    [speaking-time] { $max ->
        [0] O tempo de fala pode ser de no máximo { $max } segundos.
        [one] O tempo de fala pode ser de no máximo { $max } segundo.
       *[other] O tempo de fala pode ser de no máximo { $max } segundos.
    }
   *[other] Um número passa do máximo de { $max }.
}

## Reuniões
mt-assemblies = Reuniões
mt-none = Este conselho ainda não tem reuniões.
mt-title = Título
mt-starts = Quando
mt-place = Onde
mt-status = Situação
mt-status-planned = Agendada
mt-status-open = Em sessão
mt-status-closed = Encerrada
mt-convene = Convocar uma reunião
mt-rules = Regras da reunião
mt-quorum-percent = Quórum (porcentagem de membros com direito a voto presentes)
mt-seconders = Apoios de que uma moção precisa
mt-speaking-seconds = Tempo de fala em segundos (0 = sem limite)
mt-alternate = Falas a favor e contra se alternam
mt-sections = Páginas da reunião
mt-projector = Tela para projetor
mt-minutes = Ata
mt-reconnecting = Conexão perdida: reconectando… A página se atualiza sozinha.
mt-present-count = Presentes: { $present }; necessários para o quórum: { $needed }
mt-quorum-met = há quórum
mt-quorum-missing = sem quórum
mt-check-in = Registrar presença
mt-check-out = Registrar saída
mt-you-are-present = A sua presença está registrada.
mt-agenda = Ordem do dia
mt-agenda-empty = A ordem do dia está vazia.
mt-minutes-planned = ({ $minutes } min)
mt-take-item = Passar a este ponto
mt-take-item-label = Passar ao ponto { $number }
mt-now = Em discussão
mt-speakers = Uso da palavra
mt-speaking-now = Com a palavra
mt-nobody-speaking = Ninguém está com a palavra.
mt-list-empty = Ninguém está inscrito para falar.
mt-more-waiting = …e mais { $count }.
mt-waiting = Inscritos para falar
mt-speech-kind = Pedir a palavra
mt-speech-speech = para falar
mt-speech-for = a favor da moção
mt-speech-against = contra a moção
mt-speech-point-of-order = questão de ordem
mt-request-floor = Inscrever-se
mt-leave-list = Sair da lista
mt-move-front = Passar para o início
mt-remove-speaker = Remover
mt-give-floor = Dar a palavra ao próximo
mt-end-speech = Encerrar a fala
mt-motion-number = Moção { $number }
mt-moved-by = apresentada por { $name }
mt-seconded-by = apoios: { $count } de { $needed }
mt-alternative-to = alternativa à moção { $number }
mt-motion-submitted = apresentada
mt-motion-admitted = admitida
mt-motion-debated = em discussão
mt-motion-voting = em votação
mt-motion-adopted = aprovada
mt-motion-rejected = rejeitada
mt-motion-withdrawn = retirada
mt-motion-referred = remetida à comissão
mt-amendment-number = Emenda { $number }
mt-amendment-lines = às linhas { $from }–{ $to }
mt-second = Apoiar
mt-withdraw = Retirar
mt-admit = Admitir
mt-debate = Abrir a discussão
mt-refer = Remeter à comissão
mt-put-roll-call = Pôr em votação nominal
mt-put-tellers = Pôr em votação com escrutinadores
mt-amend = Propor uma emenda
mt-from-line = Da linha
mt-to-line = Até a linha
mt-new-text = Novo texto (deixe vazio para suprimir as linhas)
mt-amend-submit = Apresentar a emenda
mt-vote-number = Votação { $number }
mt-roll-call = nominal, com o voto de cada membro registrado pelo nome
mt-tellers = contagem feita por escrutinadores
mt-majority = maioria: mais de { $num }/{ $den } (base: { $basis })
mt-majority-at-least = maioria: pelo menos { $num }/{ $den } (base: { $basis })
mt-basis-votes-cast = votos dados
mt-basis-yes-no = votos sim e não
mt-basis-members = todos os membros
mt-basis-present = membros presentes
mt-vote-open = Votação aberta
mt-votes-so-far = Já votaram: { $count }
mt-choice-yes = Sim
mt-choice-no = Não
mt-choice-abstain = Abstenção
mt-you-voted = O seu voto foi registrado.
mt-enter-counts = Lançar a contagem
mt-counted = Sim: { $yes }; não: { $no }; abstenções: { $abstain }.
mt-close-vote = Encerrar a votação
mt-carried = Aprovada
mt-lost = Não aprovada
mt-needed = { $needed ->
    [0] Eram necessários { $needed } votos sim (de { $basis }).
    [one] Era necessário { $needed } voto sim (de { $basis }).
   *[other] Eram necessários { $needed } votos sim (de { $basis }).
}
mt-by-name = Votos nominais
mt-results = Resultados
mt-announce-vote-open = Votação aberta: { $question }
mt-announce-speaker = Com a palavra: { $name }.
mt-announce-carried = Aprovada: { $question }
mt-announce-lost = Não aprovada: { $question }
mt-chair = Controles da presidência
mt-open = Abrir a reunião
mt-close = Encerrar a reunião
mt-add-item = Incluir um ponto na ordem do dia
mt-item-minutes = Minutos previstos
mt-item-parent = Dentro do ponto
mt-mark-attendance = Registrar a presença ou a saída de membros
mt-member = Membro
mt-put-question = Pôr uma questão em votação
mt-question = Questão
mt-mode = Forma de votação
mt-majority-rule = Maioria
mt-majority-simple = Maioria simples
mt-majority-two-thirds = Dois terços
mt-majority-three-quarters = Três quartos
mt-basis = Base de cálculo
mt-open-vote = Abrir a votação
mt-annotate = Acrescentar uma nota à ata
mt-note = Nota
mt-move = Apresentar uma moção
mt-item = Ponto da ordem do dia
mt-motion-text = Texto da moção
mt-motion-text-hint = As emendas se referem aos números das suas linhas.
mt-alternative = Como alternativa a
mt-move-submit = Apresentar a moção
mt-error-number = O campo { $field } deve ser um número inteiro.
mt-error-field = O campo { $field } está faltando ou não é uma das opções.

## Ata
mn-title = Ata
mn-convened-by = Convocada por
mn-opened = Abertura
mn-closed = Encerramento
mn-present = Presentes
mn-present-count = Membros com presença registrada: { $count }.
mn-taken-up = Discussão iniciada: { $time }.
mn-spoke = Fizeram uso da palavra
mn-seconded = apoiada por
mn-as-moved = Texto apresentado
mn-as-adopted = Texto aprovado
mn-question = questão
mn-opened-at = aberta: { $time }
mn-notes = Notas do secretário
mn-footer = Gerada a partir do histórico do conselho (conselho { $council }, até o evento { $height }). Qualquer pessoa que tenha o histórico pode gerar esta ata novamente e conferi-la.

## Recusas na reunião
refused-no-assembly = Não existe a reunião { $number }.
refused-not-open = A reunião não está em sessão.
refused-closed = A reunião está encerrada.
refused-already-open = A reunião já está em sessão.
refused-not-presiding = Só o presidente ou o secretário pode fazer isto.
refused-observer = Observadores não podem apresentar nem apoiar moções, falar ou votar.
refused-only-for-themselves = Os membros só podem fazer isto por si mesmos.
refused-not-checked-in = Registre primeiro a sua presença: só membros presentes podem fazer isto.
refused-already-checked-in = A presença já está registrada.
refused-no-item = Não existe o ponto { $number } da ordem do dia.
refused-not-current-item = Esse ponto da ordem do dia não é o que está em discussão.
refused-already-current = Esse ponto da ordem do dia já está em discussão.
refused-too-deep = { $depth ->
    [0] A ordem do dia admite no máximo { $depth } níveis de subpontos.
    [one] A ordem do dia admite no máximo { $depth } nível de subpontos.
   *[other] A ordem do dia admite no máximo { $depth } níveis de subpontos.
}
refused-too-many-items = A ordem do dia admite no máximo { $max } pontos.
refused-too-many-motions = Uma reunião admite no máximo { $max } moções.
refused-too-many-amendments = Uma reunião admite no máximo { $max } emendas.
refused-no-motion = Não existe a moção { $number }.
refused-motion-state = A moção está { $status ->
        [submitted] apresentada
        [admitted] admitida
        [debated] em discussão
        [voting] em votação
        [adopted] aprovada
        [rejected] rejeitada
        [withdrawn] retirada
        [referred] remetida à comissão
       *[other] na situação “{ $status }”
    }: isto não pode ser feito agora.
refused-motion-admit-first = A moção { $number } ainda não foi admitida: primeiro a presidência admite-a (Admitir); depois pode ser debatida, emendada e posta a votação.
refused-amendment-undecided = A emenda { $number } ainda não foi decidida: ponha-a a votação ou peça que seja retirada antes de votar a moção.
refused-no-amendment = Não existe a emenda { $number }.
refused-amendment-state = A emenda está { $status ->
        [submitted] apresentada
        [admitted] admitida
        [debated] em discussão
        [voting] em votação
        [adopted] aprovada
        [rejected] rejeitada
        [withdrawn] retirada
        [referred] remetida à comissão
       *[other] na situação “{ $status }”
    }: isto não pode ser feito agora.
refused-not-mover = Só quem a apresentou pode retirá-la.
refused-own-motion = Quem apresenta uma moção ou emenda não pode apoiá-la.
refused-already-seconded = Já deu o seu apoio.
refused-not-seconded = { $needed ->
    [0] Precisa de { $needed } apoios e tem { $have }.
    [one] Precisa de { $needed } apoio e tem { $have }.
   *[other] Precisa de { $needed } apoios e tem { $have }.
}
refused-line-range = { $lines ->
    [0] Essas linhas não estão na moção, que tem { $lines } linhas.
    [one] Essas linhas não estão na moção, que tem { $lines } linha.
   *[other] Essas linhas não estão na moção, que tem { $lines } linhas.
}
refused-stale-amendment = A moção mudou desde que esta emenda foi escrita: escreva-a de novo com base no texto atual.
refused-bad-alternative = Uma alternativa tem de se referir a outra moção do mesmo ponto da ordem do dia.
refused-already-waiting = Já está na lista de inscritos para falar.
refused-not-waiting = Esse membro não está na lista de inscritos para falar.
refused-nobody-waiting = Ninguém está inscrito para falar.
refused-nobody-speaking = Ninguém está com a palavra.
refused-no-quorum = Sem quórum: presentes { $present }, necessários { $needed }.
refused-vote-open = Há uma votação aberta: encerre-a primeiro.
refused-no-vote = Não existe a votação { $number }.
refused-vote-closed = Essa votação está encerrada.
refused-already-voted = Já votou.
refused-counted-by-tellers = Nesta votação a contagem é feita pelos escrutinadores, não pelo nome.
refused-by-name = Esta votação é nominal: não há contagem a lançar.
refused-too-many-counted = { $present ->
    [0] A contagem soma { $counted }, mais do que os { $present } membros presentes.
    [one] A contagem soma { $counted }, mais do que o { $present } membro presente.
   *[other] A contagem soma { $counted }, mais do que os { $present } membros presentes.
}
refused-not-counted = Lance a contagem dos escrutinadores antes de encerrar a votação.
refused-bad-majority = A maioria deve ser uma fração entre 0 e 1.
demo-not-empty = A demonstração só preenche um diretório de dados novo; este já contém um conselho.

# Votes among options
mt-put-choice = Pôr à votação uma escolha entre opções
mt-options = Opções, uma por linha
mt-method = Método de contagem
mt-method-plurality = Maioria simples (mais marcas)
mt-method-irv = Segunda volta instantânea (ordenado)
mt-method-stv = Voto único transferível (ordenado)
mt-method-schulze = Schulze (ordenado)
mt-method-seats = { $seats ->
    [0] { $method }, { $seats } lugares
    [one] { $method }, { $seats } lugar
   *[other] { $method }, { $seats } lugares
}
mt-seats = Lugares a preencher
mt-preference = Escolha { $number }
mt-mark = Marca { $number }
mt-cast-ballot = Entregar o meu boletim
mt-elected = Eleitos: { $names }
mt-nobody-elected = Ninguém é eleito
mt-ballots-counted = Boletins: { $marked } { $marked ->
    [0] marcados
    [one] marcado
   *[other] marcados
}, { $empty } em branco
mt-count-stages = A contagem, etapa a etapa
mt-option = Opção
mt-stage = Etapa { $number }
mt-exhausted = Esgotados
mt-order = Ordem: { $order }
mt-announce-elected = { $question }: { $names }
refused-chooses-among-options = Esta votação escolhe entre opções: ordene-as em vez de responder sim ou não.
refused-yes-no-vote = Esta é uma votação de sim ou não; não tem opções para ordenar.
refused-options-need-question = Uma votação entre opções põe uma questão e é feita nominalmente.
error-count = { $what ->
    [options] Indique entre { $min } e { $max } opções (há { $got }).
    [seats] Os lugares devem estar entre { $min } e { $max } (não { $got }).
    [marks] { $max ->
        [0] Um boletim pode marcar no máximo { $max } opções (este marca { $got }).
        [one] Um boletim pode marcar no máximo { $max } opção (este marca { $got }).
       *[other] Um boletim pode marcar no máximo { $max } opções (este marca { $got }).
    }
   *[other] Não existe a opção número { $got }; as opções vão de 1 a { $max }.
}
error-duplicate-option = «{ $value }» aparece duas vezes.
mt-minutes-pdf = Ata (PDF)
mt-move-up = Subir
mt-move-down = Descer

# Secret elections
el-elections = Eleições
el-none = Ainda não há eleições.
el-new = Preparar uma eleição
el-title = Título
el-description = Descrição (opcional)
el-question-number = Questão { $number }
el-question = Questão
el-answers = Respostas, uma por linha
el-min = Pelo menos
el-max = No máximo
el-blank = É possível votar em branco
el-trustees = Guardiões da chave
el-threshold = Guardiões necessários para decifrar (0: todos, cada um com a sua chave)
el-threshold-help = Com um limiar, quaisquer guardiões nesse número podem decifrar o resultado em conjunto; menos não podem.
el-create = Preparar a eleição
el-status-setup = Em preparação: os guardiões criam as suas chaves
el-status-open = A votação está aberta
el-status-closed = A votação está fechada: os guardiões da chave decifram o resultado
el-status-tallied = O resultado está publicado
el-questions = Questões
el-choose = escolha de { $min } a { $max }
el-trustee-decrypted = já decifrou
el-trustee-key-ready = chave criada
el-trustee-waiting = ainda não criou a chave
el-threshold-of = { $k ->
    [0] São precisos
    [one] É preciso
   *[other] São precisos
} { $k } { $n ->
    [0] dos { $n } guardiões
    [one] de { $n } guardião
   *[other] dos { $n } guardiões
} para decifrar.
el-trustee-page = A minha parte como guardião
el-get-credential = Obter o meu código de voto
el-vote = Votar
el-board = Urna
el-ballots-counted = { $counted ->
    [0] Contam { $counted } boletins
    [one] Conta { $counted } boletim
   *[other] Contam { $counted } boletins
} ({ $cast } { $cast ->
    [0] entregues
    [one] entregue
   *[other] entregues
}, incluindo os substituídos) de { $voters } { $voters ->
    [0] eleitores
    [one] eleitor
   *[other] eleitores
}.
el-trackers = Números de controlo dos boletins que contam
el-result = Resultado
el-blank-vote = Voto em branco
el-archive = Descarregar o arquivo da eleição (.bel)
el-verify = Verificar a eleição
el-controls = Comandos do secretariado
el-open = Abrir a votação
el-waiting-for-trustees = À espera de que os guardiões acabem de criar as chaves.
el-slips = Imprimir cartões com os códigos (PDF)
el-slips-again = Imprimir cartões novos (PDF), anulando os anteriores
el-waiting-for-slips = Imprima primeiro os cartões com os códigos: a votação abre quando estiverem criados.
el-hall = Modo sala: códigos em cartões impressos, para eleitores sem conta
el-hall-help = Quem tiver um cartão vota com ele sem entrar na conta. Isto é menos seguro do que o modo normal: quem manuseia os cartões poderia votar com os que não foram entregues. Sem este modo, cada membro vota com a sessão iniciada, com um código que só ele pode usar.
el-mode-hall = Modo sala: vota quem tiver um cartão com código, sem entrar na conta.
el-mode-members = Cada membro vota com a sessão iniciada, com o seu próprio código; um código serve só para um membro.
el-error-slips-before-opening = Os cartões imprimem-se antes de abrir a votação, não depois.
el-error-not-hall = Nesta eleição cada membro recebe o seu próprio código; os cartões são só para eleições em modo sala.
el-error-not-a-voter = Não está nos cadernos eleitorais desta eleição.
el-error-credential-taken = Este código já foi usado por outro membro: não é o seu.
el-error-other-credential = Já votou com outro código: volte a votar com esse.
el-total-weight = Peso total
el-error-total-weight = Os pesos dos cadernos somam { $total }; uma eleição pode contar no máximo { $max }.
el-error-credential-weight = Um código público tem um peso de { $weight }, que os cadernos eleitorais não atribuem: os pesos vêm dos cadernos (um voto cada, ou o peso do lugar de um delegado numa federação).
el-weights = Pesos dos eleitores:
el-weight-count = { $count } com peso { $weight }
el-decryption-inconsistent = As decifragens dos guardiões não dão um resultado: um fator de decifragem está errado, embora a sua prova esteja certa. { $trustees ->
    [none] O resultado sai quando outro guardião decifrar.
   *[other] Sob suspeita: { $trustees }. O resultado sai quando outro guardião decifrar, ou quando quem está sob suspeita decifrar de novo.
}
el-counted-weights = Boletins contados e os seus pesos
el-tracker-heading = Número de controlo
el-weight-heading = Peso
el-publish = Publicar esta eleição
el-publish-help = A sua página, a urna e o arquivo ficam à vista de qualquer pessoa para ver e verificar, embora o conselho continue privado. Fica escrito no histórico e não pode ser desfeito.
el-published = Este conselho é privado, mas esta eleição está publicada: qualquer pessoa a pode ver e verificar.
el-private = Este conselho é privado: só os seus membros veem esta eleição.
el-refused-published = Esta eleição já está publicada.
el-close = Fechar a votação
el-back = Voltar à eleição
el-loading = A carregar…
el-needs-javascript = Esta página precisa de JavaScript: as chaves e a cifragem são feitas no seu navegador, nunca no servidor.
el-trustee-key-help = A sua chave é criada neste navegador e oferecida como ficheiro. Guarde-o bem: vai precisar dele para decifrar o resultado. Nunca é enviado ao servidor.
el-make-key = Criar a minha chave
el-key-file = O seu ficheiro de guardião para esta eleição (o ficheiro .json que guardou, ou os ficheiros .key e .dkey da linha de comandos)
el-continue = Continuar
el-download-key = Descarregar o ficheiro da chave
el-credential-once = Este é o seu código de voto. Só é mostrado uma vez: o servidor esquece-o agora. Vote pela ligação ou anote o código.
el-vote-now = Votar agora
el-credential = Código de voto
el-encrypt = Cifrar o meu boletim
el-sealed = O seu boletim está cifrado neste navegador. Entregue-o, ou audite primeiro a cifragem (um boletim auditado é descartado e volta a cifrar).
el-tracker = Número de controlo:
el-cast = Entregar o meu boletim
el-audit = Auditar esta cifragem
el-your-tracker = Número de controlo do seu boletim entregue:
el-verified = Todas as provas do arquivo estão certas.
el-not-verified = O arquivo não passa na verificação.
el-voters = Eleitores
el-ballots = Boletins entregues
el-decryptions = Decifragens parciais
el-hash-matches = O SHA-256 do arquivo é o que o registo do conselho guarda.
el-hash-differs = O SHA-256 do arquivo NÃO é o que o registo do conselho guarda.
el-verify-yourself = Verifique por si com o arquivo e qualquer um destes programas:
el-error-field = O campo { $field } falta ou não é válido.
el-error-already-done = Este passo já está feito.
el-error-out-of-turn = Isto não pode ser feito nesta fase da eleição.
el-error-key = O material da chave não é válido: { $reason }
el-error-signature = A assinatura do certificado não é válida.
el-error-ballot = O boletim é recusado: { $reason }
el-error-decryption = A decifragem parcial é recusada: { $reason }
el-error-no-credential = Não há nenhum código à sua espera: já foi entregue, ou não está nos cadernos eleitorais.
el-refused-no-election = Não existe a eleição { $number }.
el-refused-state = Isto não pode ser feito agora: a eleição está no estado { $status }.
el-js-error = Erro
el-js-download = Descarregar
el-js-need-key = Escolha o seu ficheiro de chave para continuar.
el-js-decrypting = A decifrar o resultado com a sua chave, neste navegador…
el-js-decrypted = A sua decifragem parcial foi recebida. Obrigado.
el-js-step-done = A sua parte está feita por agora.
el-js-waiting = À espera dos outros guardiões…
el-js-encrypting = A cifrar neste navegador…
el-js-sealed = Cifrado. Confira o número de controlo e depois entregue ou audite.
el-js-audited = A auditoria está certa: esta cifragem contém exatamente as suas escolhas. Esse boletim é descartado; cifre de novo para votar.
el-js-audit-failed = A auditoria FALHOU; não vote a partir deste dispositivo e avise o secretariado
el-js-casting = A entregar…
el-js-cast = O seu boletim foi entregue. Número de controlo:
el-js-replaced = O seu novo boletim substitui o anterior. Número de controlo:
el-voters-from = Quem vota
el-voters-all = Todos os membros do conselho com direito a voto
el-voters-present = Os membros registados em { $title }
el-error-no-voters = Ninguém pode votar ainda nesta eleição: nenhum membro com direito a voto está registado.
el-meeting-elections = Votações secretas desta reunião
el-authority = Autoridade dos códigos (quem cria os códigos dos eleitores)
el-authority-server = Este servidor (entrega cada código uma vez e depois esquece-o)
el-authority-page = A minha parte como autoridade dos códigos
el-authority-help = Crie neste navegador o código de cada eleitor. Recebe-os num ficheiro para distribuir (imprima-o ou entregue a cada eleitor o seu); o servidor recebe só a parte pública e nunca pode votar em nome de ninguém.
el-make-credentials = Criar os códigos
el-download-credentials = Descarregar os códigos para distribuir (CSV)
el-authority-done = A autoridade dos códigos criou os códigos.
el-authority-waiting = À espera de que a autoridade dos códigos crie os códigos.
el-error-credential-count = { $count ->
    [0] Foram enviados { $count } códigos públicos
    [one] Foi enviado { $count } código público
   *[other] Foram enviados { $count } códigos públicos
} para { $voters } { $voters ->
    [0] eleitores
    [one] eleitor
   *[other] eleitores
}.
el-slip-label = Cartão { $number }
el-slip-instructions = Leia o código com o telemóvel na Wi-Fi da sala, ou abra a página Votar da eleição e escreva o código. Guarde este cartão só para si: quem o tiver pode votar no seu lugar, e só conta o último boletim.
el-error-no-slips = Todos os códigos já foram entregues; não há nada para imprimir.
el-slips-help = Um cartão por eleitor, criado agora e esquecido pelo servidor ao gerar o ficheiro: imprima-o antes de o fechar. Imprimir de novo antes de abrir a votação cria cartões novos e anula os anteriores.
el-cli-trustee = Criou a sua chave na linha de comandos?
el-cli-trustee-help = Os guardiões podem manter a chave fora da web: crie-a com o kenes no seu computador e envie aqui o ficheiro público de cada passo (o .pubkey, o certificado, o polinómio, o voutput) ou, depois de fechar a votação, a sua decifragem parcial.
el-cli-file = Ficheiro criado na linha de comandos
el-cli-send = Enviar o ficheiro
el-roll = Ou uns cadernos eleitorais importados (opcional)
el-roll-help = Um eleitor por linha: um nome e, depois de uma vírgula, um peso (os delegados de conselhos maiores levam mais votos). Os seus códigos são impressos em cartões.
el-error-roll = A linha { $line } dos cadernos não é válida: um nome até 200 caracteres e, se quiser, uma vírgula e um peso de 1 a 1 000 000.
el-slip-weighted = { $label } ({ $weight } votos)

# needs you now
now-title = Precisa de si agora
now-nothing = Neste momento não há nada à sua espera.
now-vote = Há uma votação aberta em { $meeting } à espera do seu voto.
now-vote-action = Votar
now-meeting-in-session = { $meeting } está em sessão.
now-meeting-join = Entrar
now-meeting-check-in = Entrar e registar presença
now-ballot = A votação está aberta: { $election }.
now-ballot-collect = Obter o seu código de voto
now-ballot-vote = Votar
now-meeting-planned = { $meeting } está convocada: { $starts }, { $place }.
now-open = Abrir
now-trustee = É a sua vez como guardião da chave: { $election }.
now-trustee-action = Abrir a página de guardião da chave
now-decrypt = A votação de { $election } fechou: os guardiões da chave decifram o resultado.
now-finish-setup = { $election } está a ser preparada.
now-finish-tally = { $election } está fechada e aguarda o apuramento.
manage-title = Gerir o conselho
manage-page-title = Gerir { $council }

# confirmations
mt-status-cancelled = Cancelada
mt-cancel = Cancelar a reunião…
mt-cancel-question = Cancelar esta reunião? Nunca foi aberta; fica no registo como cancelada e não pode ser aberta.
mt-cancel-confirm = Sim, cancelar a reunião
mt-close-question = Encerrar a reunião? Depois nada mais pode acontecer nela; a ata é feita a partir do que ficou registado.
mt-close-confirm = Sim, encerrar a reunião
member-remove-question = Retirar { $name } do conselho? Os atos passados ficam no registo; mais tarde pode ser adicionado de novo como novo membro.
member-remove-confirm = Sim, retirar
link-revoke-question = Retirar esta ligação? Quem a tiver deixa de a poder usar.
link-revoke-confirm = Sim, retirar
link-qr-label = Código QR da ligação
link-qr-hint = Para passar a ligação pessoalmente, peça que a leiam com a câmara do telemóvel.
back-to-manage = Voltar à gestão do conselho

# trustee file
el-keep-file = Guarde este ficheiro num lugar seguro, fora deste computador se puder: precisa dele para decifrar o resultado. Quando a página oferecer um ficheiro mais recente, guarde esse em vez deste: contém tudo o que o anterior tinha.
el-js-no-file = Escolha primeiro o seu ficheiro de guardião.
el-js-older-file = Este ficheiro é de antes do seu último passo: tem a sua chave mas não a sua chave de decifração. Escolha o ficheiro mais recente que a página ofereceu depois do último passo.
el-js-not-trustee-file = Este não é um ficheiro de guardião do kenes. Escolha o ficheiro .json que a página lhe ofereceu para esta eleição.
el-js-wrong-election = Este ficheiro de guardião pertence a outra eleição.
el-js-wrong-trustee = Este ficheiro pertence a outro guardião desta eleição.
el-js-key-mismatch = As chaves deste ficheiro não correspondem a esta eleição. Escolha o ficheiro que guardou para esta eleição e tente de novo.

# booth errors
el-js-credential-form = Um código de voto tem quatro grupos de cinco ou seis caracteres, XXXXX-XXXXXX-XXXXX-XXXXXX, ou, em eleições anteriores, cinco grupos de três: XXX-XXX-XXX-XXX-XXX.
el-js-credential-checksum = Este código tem um erro de escrita: compare cada carácter com o seu boletim ou ligação.
el-js-credential-characters = Este código tem um carácter que os códigos nunca usam (0, O, I ou l): compare-o com o seu boletim ou ligação.
el-js-answer-count = Pergunta { $question }: marque entre { $min } e { $max } respostas (marcou { $count }).

# record
record-event-meta = evento { $height }, { $time }
record-as-recorded = Tal como registado:
council-your-role-is = o seu papel: { $role }

# event sentences
ev-council-created = { $kind ->
    [workplace] { $founder } fundou { $name }, um conselho de local de trabalho.
    [neighbourhood] { $founder } fundou { $name }, um conselho de bairro.
    [union] { $founder } fundou { $name }, um sindicato.
    [cooperative] { $founder } fundou { $name }, uma cooperativa.
    [federation] { $founder } fundou { $name }, uma federação de conselhos.
    [assembly] { $founder } fundou { $name }, uma assembleia.
   *[other] { $founder } fundou { $name } ({ $kind }).
}
ev-member-added = { $via ->
    [invitation] { $role ->
        [member] { $name } entrou no conselho como membro, a convite de { $by }.
        [chair] { $name } entrou no conselho como presidente, a convite de { $by }.
        [secretary] { $name } entrou no conselho como secretário, a convite de { $by }.
        [observer] { $name } entrou no conselho como observador, a convite de { $by }.
       *[other] { $name } entrou no conselho com a função “{ $role }”, a convite de { $by }.
    }
   *[other] { $role ->
        [member] { $by } adicionou { $name } ao conselho como membro.
        [chair] { $by } adicionou { $name } ao conselho como presidente.
        [secretary] { $by } adicionou { $name } ao conselho como secretário.
        [observer] { $by } adicionou { $name } ao conselho como observador.
       *[other] { $by } adicionou { $name } ao conselho com a função “{ $role }”.
    }
}
ev-members-imported = { $by } importou uma lista de membros.
ev-member-role-changed = { $role ->
    [member] { $by } mudou a função de { $member } para membro.
    [chair] { $by } mudou a função de { $member } para presidente.
    [secretary] { $by } mudou a função de { $member } para secretário.
    [observer] { $by } mudou a função de { $member } para observador.
   *[other] { $by } mudou a função de { $member } para “{ $role }”.
}
ev-member-removed = { $by } removeu { $member } do conselho.
ev-member-renamed = { $by } alterou o nome público de um membro para “{ $name }”.
ev-council-updated = { $by } alterou as configurações de { $name }.
ev-assembly-convened = { $by } convocou a reunião “{ $title }”: { $starts }, { $place }.
ev-assembly-opened = { $by } abriu a reunião { $assembly }.
ev-assembly-closed = { $by } encerrou a reunião { $assembly }.
ev-attendance-checked-in = A presença de { $member } na reunião { $assembly } foi registada por { $by }.
ev-attendance-checked-out = A saída de { $member } da reunião { $assembly } foi registada por { $by }.
ev-agenda-item-added = { $minutes ->
    [0] { $by } incluiu “{ $title }” na ordem do dia da reunião { $assembly }.
    [one] { $by } incluiu “{ $title }” na ordem do dia da reunião { $assembly }, com { $minutes } minuto previsto.
   *[other] { $by } incluiu “{ $title }” na ordem do dia da reunião { $assembly }, com { $minutes } minutos previstos.
}
ev-agenda-item-taken = { $by } passou a um ponto da ordem do dia na reunião { $assembly }.
ev-motion-submitted = { $by } apresentou a moção “{ $title }” na reunião { $assembly }.
ev-motion-seconded = { $by } apoiou a moção { $motion } na reunião { $assembly }.
ev-motion-admitted = { $by } admitiu a moção { $motion } na reunião { $assembly }.
ev-motion-debated = { $by } abriu a discussão da moção { $motion } na reunião { $assembly }.
ev-motion-withdrawn = { $by } retirou a moção { $motion } na reunião { $assembly }.
ev-motion-referred = { $by } remeteu à comissão a moção { $motion } na reunião { $assembly }.
ev-amendment-submitted = { $by } propôs uma emenda às linhas { $from_line }–{ $to_line } da moção { $motion } na reunião { $assembly }.
ev-amendment-seconded = { $by } apoiou a emenda { $amendment } na reunião { $assembly }.
ev-amendment-withdrawn = { $by } retirou a emenda { $amendment } na reunião { $assembly }.
ev-speaker-requested = { $kind ->
    [for] { $member } pediu a palavra a favor da moção na reunião { $assembly } (inscrição feita por { $by }).
    [against] { $member } pediu a palavra contra a moção na reunião { $assembly } (inscrição feita por { $by }).
    [point_of_order] { $member } pediu a palavra para uma questão de ordem na reunião { $assembly } (inscrição feita por { $by }).
   *[other] { $member } pediu a palavra na reunião { $assembly } (inscrição feita por { $by }).
}
ev-speaker-withdrawn = A inscrição de { $member } para falar na reunião { $assembly } foi retirada por { $by }.
ev-speaker-moved = { $position ->
    [0] { $by } passou { $member } para o início da lista de inscritos da reunião { $assembly }.
    [one] { $by } mudou { $member } de lugar na lista de inscritos da reunião { $assembly }, para depois de { $position } inscrito.
   *[other] { $by } mudou { $member } de lugar na lista de inscritos da reunião { $assembly }, para depois de { $position } inscritos.
}
ev-speaker-floor-given = { $by } deu a palavra ao próximo inscrito na reunião { $assembly }.
ev-speaker-speech-ended = { $by } encerrou a fala em curso na reunião { $assembly }.
ev-vote-opened = { $mode ->
    [roll_call] { $by } abriu uma votação nominal sobre “{ $question }” na reunião { $assembly }.
    [tellers] { $by } abriu uma votação com contagem feita por escrutinadores sobre “{ $question }” na reunião { $assembly }.
   *[other] { $by } abriu uma votação sobre “{ $question }” na reunião { $assembly }.
}
ev-vote-cast = { $choice ->
    [yes] { $by } votou sim na votação { $vote } da reunião { $assembly }.
    [no] { $by } votou não na votação { $vote } da reunião { $assembly }.
    [abstain] { $by } absteve-se na votação { $vote } da reunião { $assembly }.
   *[other] { $by } votou “{ $choice }” na votação { $vote } da reunião { $assembly }.
}
ev-vote-ranked = { $by } entregou um boletim com ordem de preferência na votação { $vote } da reunião { $assembly }.
ev-vote-counted = { $by } lançou a contagem da votação { $vote } da reunião { $assembly }: sim, { $yes }; não, { $no }; abstenções, { $abstain }.
ev-vote-closed = { $by } encerrou a votação { $vote } da reunião { $assembly }.
ev-minutes-annotated = { $by } acrescentou uma nota à ata da reunião { $assembly }.
ev-election-announced = { $by } anunciou a eleição “{ $title }”.
ev-election-opened = { $voters ->
    [0] { $by } abriu a votação da eleição { $election } para { $voters } eleitores.
    [one] { $by } abriu a votação da eleição { $election } para { $voters } eleitor.
   *[other] { $by } abriu a votação da eleição { $election } para { $voters } eleitores.
}
ev-election-closed = { $ballots ->
    [0] { $by } fechou a votação da eleição { $election }: contam { $ballots } boletins.
    [one] { $by } fechou a votação da eleição { $election }: conta { $ballots } boletim.
   *[other] { $by } fechou a votação da eleição { $election }: contam { $ballots } boletins.
}
ev-election-tallied = { $by } concluiu a decifragem do resultado da eleição { $election }.
ev-election-published = { $by } publicou a eleição { $election }: agora qualquer pessoa pode vê-la e verificá-la.
# projector
pj-time-left = Tempo restante
pj-time-nearly-up = O tempo está quase a acabar
pj-time-up = O tempo acabou
pj-next = A seguir
pj-voted = Votaram { $voted } de { $eligible }
pj-voted-progress = Membros que já votaram
pj-not-voted = Ainda não votaram: { $names }
pj-more-amendments = Emendas ainda em espera: { $count }
pj-deleted = suprimido
pj-inserted = inserido
# charts
chart-yes = Sim
chart-no = Não
chart-abstained = Abstenções
chart-yes-no-title = { $outcome }. Sim { $yes }, não { $no }, abstenções { $abstain }; a linha tracejada marca os { $needed } votos a favor necessários ({ $rule }).
chart-needed-line = { $needed } necessários
chart-elected-mark = eleito
chart-excluded-mark = excluído
chart-most-votes-mark = mais votos
chart-options-title = { $result }. Votos: { $counts }.
chart-schulze-title = { $result }. Opções que cada uma vence: { $counts }.
chart-schulze-note = Cada barra: quantas outras opções esta vence pelo seu caminho mais forte
chart-stages-title = { $result }. Apuração em { $stages } etapas, desenhadas uma a uma; todos os totais estão na tabela.
chart-stage-first = Etapa { $number }: primeiras preferências
chart-stage-surplus = Etapa { $number }: o excedente de { $name } é transferido
chart-stage-exclusion = Etapa { $number }: { $names } excluídos, seus votos transferidos
chart-stage-remaining = Etapa { $number }: as vagas restantes são preenchidas
chart-stage-tally = Etapa { $number }
chart-quota = quota { $quota }
chart-answers-title = { $question }: { $counts }. Mais votos: { $names }.
mt-close-vote-question = Encerrar a votação? O resultado é contado agora; depois ninguém pode votar.
mt-close-vote-confirm = Sim, encerrar a votação
el-close-question = Encerrar a votação? Depois nenhum boletim é aceite; os guardiões da chave decifram então o resultado.
el-close-confirm = Sim, encerrar a votação

# Voting codes made before voting opens, and re-issued
el-error-roll-fixed = A votação já abriu e o caderno eleitoral está fixado: o Belenios 2.0 não permite substituir um código de voto agora.
el-error-roll-not-server = O servidor não gera os códigos de voto desta eleição: geram-nos os boletins do modo sala ou um membro autoridade de credenciais.
el-error-no-credential-to-reissue = Este membro não tem um código de voto a substituir. Gere primeiro os códigos.
el-codes = Códigos de voto
el-codes-help = Os códigos de voto são gerados quando a votação abre. Gere-os agora e os membros podem obter o seu antes de votar; até a votação abrir, pode dar um novo a quem perdeu o seu.
el-make-codes = Gerar os códigos agora
el-codes-made = Códigos gerados: { $count }. Obtidos: { $collected }.
el-codes-members = Quem já obteve o seu
el-codes-waiting = ainda não obtido
el-codes-collected = obtido
el-reissue = Novo código para { $name }
el-reissue-question = { $name } recebe um novo código para obter, e o que tem nunca poderá votar.
el-reissue-confirm = Emitir um novo código
el-make-codes-again = Gerar de novo todos os códigos
el-make-codes-again-question = Nenhum código gerado até agora, obtido ou não, poderá votar; cada membro que pode votar agora obtém um novo.
el-make-codes-again-confirm = Gerá-los de novo
el-credential-early = O seu código de voto está pronto. Obtenha-o agora e guarde-o: votará com ele quando a votação abrir.
el-credential-keep = Guarde-o: votará com ele quando a votação abrir. Se o perder antes disso, peça um novo à presidência ou ao secretariado.
now-credential-early = O seu código de voto para { $election } está pronto

# A council's colour
settings-colour = Cor nas páginas do conselho
colour-none = Nenhuma
colour-red = Vermelho
colour-orange = Laranja
colour-amber = Âmbar
colour-green = Verde
colour-teal = Verde-azulado
colour-blue = Azul
colour-indigo = Índigo
colour-purple = Roxo
colour-pink = Rosa
colour-grey = Cinzento
error-colour = Cor desconhecida: escolha uma das cores propostas.

# Nodes, sync and copies of the record
nodes-title = Nós
nodes-fork = Bifurcação detetada: o nó de origem do conselho { $council }… assinou dois eventos diferentes com o número { $height } (mostrado por { $from }). Ambos ficam guardados como prova; este nó deixa de acompanhar e de transmitir esse conselho até alguém decidir.
nodes-card = Cartão deste nó
nodes-card-help = Entregue este cartão ao secretário de um conselho que deva permitir que este nó guarde uma cópia do seu histórico. Ao entregá-lo, leia a chave do nó em voz alta, para que o outro lado possa comparar.
nodes-key = Chave do nó:
nodes-peers = Nós ligados
nodes-no-peers = Ainda não há nós ligados. Adicione um nó da rede local ou da internet para guardarem os históricos uns dos outros.
nodes-peer-failed = A última sincronização falhou: { $error }
nodes-peer-synced = Última sincronização: { $time }
nodes-peer-new = Ainda não sincronizado
nodes-remove = Deixar de sincronizar com { $url }
nodes-remove-question = Este nó deixará de ir buscar dados a esse nó. O que já tem fica.
nodes-remove-confirm = Deixar de sincronizar
nodes-sync-now = Sincronizar agora
nodes-add = Ligar um nó
nodes-add-url = O endereço do nó
nodes-add-key = A chave do nó, tal como o responsável a lê em voz alta
nodes-add-key-help = Pelo menos os 16 primeiros caracteres. Nada é sincronizado com um nó cuja chave não corresponda.
nodes-add-submit = Verificar a chave e adicionar
nodes-stick = Pen USB
nodes-stick-help = Onde a internet estiver cortada, leve os históricos numa pen USB: grava-se nela o que os conselhos daqui permitem transmitir, cifrado para os nós que cada conselho escolheu, e importa-se o que a pen traz para este nó, verificado à chegada.
nodes-stick-dir = A pasta na pen, tal como este computador a vê
nodes-stick-submit = Sincronizar com a pen
nodes-error-url = O endereço de um nó começa por http:// ou https://.
nodes-error-key = O nó nesse endereço tem a chave { $key }, não a que escreveu. Nada foi adicionado: verifique o endereço, e a chave com o responsável.
nodes-error-self = Esse endereço é o deste próprio nó.
nodes-added = Adicionado { $url } (chave do nó { $key }). A primeira sincronização começa agora.
nodes-syncing = Começou uma sincronização com todos os nós ligados. Recarregue esta página daqui a pouco para ver como correu.
nodes-stick-missing = Não existe nenhuma pasta { $dir } neste computador. Ligue a pen e indique o caminho completo de uma pasta que esteja nela.
nodes-stick-done = Feito: conselhos atualizados a partir da pen: { $imported } (eventos novos: { $events }); gravados nela: { $written }; ficheiros deixados para outros nós: { $skipped }.
copies-title = Cópias do histórico
copies-help = O histórico contém os nomes dos membros. Só os nós escolhidos aqui recebem uma cópia (além do próprio nó deste conselho); cada um mantém-na atualizada e só a pode transmitir aos outros nós escolhidos.
copies-cards = Nós que podem guardar uma cópia: os seus cartões, um por linha
copies-cards-hint = Um cartão começa por kenes-node: e aparece na página Nós de cada nó.
copies-public = Qualquer pessoa pode guardar uma cópia (conselho público)
copies-submit = Guardar a escolha de cópias
error-too-many-holders = No máximo 64 nós diferentes podem guardar cópias.
error-node-card = Um cartão de nó não é válido: tem de ser kenes-node:, a chave do nó com 64 dígitos, dois pontos e a chave age que começa por age1.

# The record as sentences: copies
ev-council-copies = { $by } escolheu que nós podem guardar uma cópia do histórico.

# Copies on the council's page
copies-fork = Atenção: o nó de origem deste conselho assinou duas histórias diferentes no evento { $height } (visto através de { $from }). Este nó guarda ambas como prova e não segue nenhuma até alguém decidir.
copies-vouched = Outros nós que verificaram este histórico até ao evento { $height }: { $count }.

# kenes itself, for a neighbour (spread.rs)
footer-get-kenes = Obter o kenes a partir deste nó
spread-title = Obter o kenes a partir deste nó
spread-intro = Este nó disponibiliza o próprio programa que executa, para que um portátil nesta rede possa obter o kenes sem internet. Antes de o executar, compare o SHA-256 com uma cópia em que confie: leia-o em voz alta com alguém cujo kenes tenha vindo de outro lado.
spread-file = Ficheiro
spread-size = Tamanho
spread-megabytes = { $mb } MB
spread-platform = Para
spread-download = Descarregar o kenes
spread-check = Verifique e depois execute
spread-check-help = Num terminal do outro portátil:
spread-compare = A linha que o sha256sum imprime tem de ser o SHA-256 acima e o que uma cópia de confiança mostra (cada nó mostra o seu nesta página). Se forem diferentes, não o execute.

# Nodes on this network (sync/nearby.rs)
nodes-nearby = Nós nesta rede
nodes-nearby-off = Desligado: este nó não se anuncia nem procura outros. Ligue-o apenas numa rede de confiança, porque todos nela verão que aqui está um nó kenes.
nodes-nearby-start = Anunciar este nó e procurar outros
nodes-nearby-on = Este nó anuncia-se nesta rede e mostra os nós que ouve. Nada é sincronizado com um deles até o adicionar.
nodes-nearby-none = Ainda não se ouviu nenhum outro nó. Aparecem aqui à medida que respondem; recarregue daqui a pouco.
nodes-nearby-add = Adicionar { $url }
nodes-nearby-compare = Abra a página Nós nesse nó (ou pergunte à pessoa ao lado dele) e compare a chave dele com esta: { $key }. Adicione-o apenas se todos os grupos forem iguais.
nodes-nearby-same = As chaves são iguais: adicionar
nodes-nearby-stop = Deixar de anunciar e procurar
nodes-nearby-failed = Não foi possível usar a rede local: { $error }

# Federations: the record's sentences, refusals (federation/)
ev-federation-joined = { $by } registou que este conselho aderiu à federação “{ $name }”.
ev-recall-rule-set = { $by } definiu o limiar de destituição: uma petição para destituir um delegado precisa das assinaturas de { $percent } % dos membros com direito de voto.
ev-mandate-given = { $by } registou o mandato de { $delegate } para o lugar { $seat } na federação.
ev-recall-signed = { $by } assinou a petição de destituição relativa ao mandato { $mandate }.
ev-recall-withdrawn = { $by } retirou a sua assinatura da petição de destituição relativa ao mandato { $mandate }.
ev-mandate-recalled = { $by } registou que o conselho destituiu o titular do mandato { $mandate }.
ev-mandate-ended = { $by } registou o fim do mandato { $mandate }.
ev-mandate-instructed = { $instruction ->
    [for] { $by } registou a instrução do conselho sobre a moção { $motion } da reunião { $assembly } da federação: votar a favor.
    [against] { $by } registou a instrução do conselho sobre a moção { $motion } da reunião { $assembly } da federação: votar contra.
    [abstain] { $by } registou a instrução do conselho sobre a moção { $motion } da reunião { $assembly } da federação: abster-se.
   *[free] { $by } registou que o delegado vota livremente na moção { $motion } da reunião { $assembly } da federação.
}
ev-federation-seats-set = { $seats ->
    [0] { $by } retirou { $name } dos conselhos membros da federação.
    [one] { $by } atribuiu a { $name } { $seats } lugar na federação, com um voto de peso { $weight }.
   *[other] { $by } atribuiu a { $name } { $seats } lugares na federação, cada voto com peso { $weight }.
}
ev-delegate-seated = { $by } deu posse a { $name } no lugar { $seat }, com o mandato { $mandate } do seu conselho.
ev-delegate-unseated = { $reason ->
    [recalled] { $by } retirou o lugar a { $member }, por destituição decidida pelo seu conselho.
   *[ended] { $by } retirou o lugar a { $member }, por fim do seu mandato.
}

# The federations page (federations/pages.rs)
fd-title = Federações e delegados
fd-memberships = Federações a que este conselho pertence
fd-memberships-none = Este conselho não aderiu a nenhuma federação.
fd-join = Aderir a uma federação
fd-join-help = Peça ao secretário da federação o identificador dela (64 caracteres, mostrado na página da própria federação) e depois registe aqui que este conselho aderiu.
fd-federation-id = O identificador da federação
fd-federation-name = O nome da federação
fd-join-submit = Registar a adesão
fd-mandates = Delegados e os seus mandatos
fd-mandates-none = Ainda não foi conferido nenhum mandato.
fd-mandate-line = Mandato { $mandate }: { $delegate }, lugar { $seat } na federação “{ $federation }”
fd-active = Em vigor
fd-recalled = Destituído
fd-ended = Terminado
fd-petition = Petição de destituição: { $signatures } de { $needed } assinaturas necessárias
fd-sign = Assinar a petição para destituir { $delegate }
fd-withdraw = Retirar a minha assinatura
fd-instructed = Instrução sobre a moção { $motion } da reunião { $assembly } da federação: { $instruction ->
    [for] votar a favor
    [against] votar contra
    [abstain] abster-se
   *[free] voto livre
}
fd-instruction-for = Votar a favor
fd-instruction-against = Votar contra
fd-instruction-abstain = Abster-se
fd-instruction-free = Voto livre
fd-give = Conferir um mandato
fd-give-help = Um mandato executa uma decisão tomada pelo conselho: uma votação aprovada, uma votação entre candidatos que elegeu o delegado, ou uma eleição já apurada.
fd-federation = Federação
fd-seat = Lugar
fd-delegate = Delegado
fd-decision = Decisão
fd-no-decision = Ainda não há nenhuma decisão a executar: primeiro faça a votação numa reunião.
fd-not-a-number = Indique um número inteiro no campo { $what }.
fd-instructions = Instruções (opcional)
fd-give-submit = Registar o mandato
fd-recall = Destituir { $delegate }
fd-recall-help = A petição já tem as assinaturas necessárias. Ponha a destituição em votação (sim ou não) numa reunião e depois registe aqui essa votação.
fd-recall-submit = Registar a destituição
fd-end = Terminar o mandato { $mandate }
fd-end-question = Terminar já este mandato, porque o prazo acabou ou o delegado se demite?
fd-end-submit = Terminar o mandato
fd-instruct = Dar instruções ao delegado
fd-instruct-help = Quando o conselho tiver votado como o seu delegado deve votar numa moção da federação, registe-o aqui.
fd-meeting = Número da reunião na federação
fd-motion = Número da moção
fd-instruction = Instrução
fd-instruct-submit = Registar a instrução
fd-rule = Limiar de destituição
fd-rule-help = A parte dos membros com direito de voto cujas assinaturas põem uma destituição em votação. Atualmente: { $percent } %.
fd-percent = Percentagem
fd-rule-submit = Definir o limiar
fd-id = O identificador desta federação, para dar aos seus conselhos membros:
fd-members = Conselhos membros
fd-members-none = Ainda não há nenhum conselho membro na lista.
fd-member-line = { $seats ->
    [0] { $name }: { $seats } lugares, cada voto com peso { $weight }
    [one] { $name }: { $seats } lugar, com um voto de peso { $weight }
   *[other] { $name }: { $seats } lugares, cada voto com peso { $weight }
}
fd-list = Inscrever um conselho membro ou alterar os seus lugares
fd-council-id = O identificador do conselho membro
fd-council-name = O seu nome
fd-seats = Lugares
fd-weight = Peso do voto de cada lugar
fd-list-submit = Guardar
fd-seated = Delegados empossados
fd-seated-none = Ainda ninguém tomou posse de um lugar.
fd-seated-line = { $name } ({ $council }, lugar { $seat }), voto com peso { $weight }
fd-check-checked = Confrontado com o histórico de { $council }.
fd-check-unchecked = Ainda por verificar: o histórico de { $council } não está neste nó.
fd-check-wrong = Não se confirma: { $why }
fd-pending = Mandatos à espera de lugar
fd-pending-line = { $delegate }, { $council }, lugar { $seat } (mandato { $mandate })
fd-seat-submit = Dar posse a { $delegate }
fd-ended-list = Mandatos terminados
fd-unseat-submit = Retirar o lugar a { $name }
fd-past = Delegados que deixaram o lugar
fd-past-line = { $reason ->
    [recalled] { $name } ({ $council }): destituído pelo seu conselho
   *[ended] { $name } ({ $council }): mandato terminado
}
fd-after-end = Votos dados depois do fim do mandato, guardados e assinalados: { $votes }
fd-vote-ref = reunião { $assembly }, votação { $vote }
fd-voted = { $voted ->
    [yes] { $delegate } votou a favor, como a instrução permite.
    [no] { $delegate } votou contra, como a instrução permite.
   *[abstain] { $delegate } absteve-se, como a instrução permite.
}
fd-voted-against = { $voted ->
    [yes] { $delegate } votou a favor, contra a instrução do conselho. Os membros podem assinar abaixo a petição de destituição.
    [no] { $delegate } votou contra, contra a instrução do conselho. Os membros podem assinar abaixo a petição de destituição.
   *[abstain] { $delegate } absteve-se, contra a instrução do conselho. Os membros podem assinar abaixo a petição de destituição.
}

# A delegate's instructions on the meeting page (meetings/page.rs)
fd-your-instructions = As suas instruções de { $council }
fd-your-instruction = Moção { $motion } “{ $title }”: { $instruction ->
    [for] votar a favor
    [against] votar contra
    [abstain] abster-se
   *[free] votar segundo o seu critério
}

# Decisions that come down from a federation (motion.received)
ev-motion-received = { $by } registou a decisão da federação “{ $title }”.

# Motions that travel (federations/pages.rs)
fd-forward = Apresentar uma moção que o seu conselho aprovou
fd-forward-help = Entra no ponto da ordem de trabalhos em discussão na reunião da federação, com a sua origem: quem tiver o histórico do seu conselho pode verificar que foi aprovada tal como está escrita.
fd-forward-submit = Apresentar “{ $title }”
fd-no-open-meeting = A federação não tem nenhuma reunião em curso com um ponto da ordem de trabalhos em discussão.
fd-decisions = Decisões da federação
fd-decisions-help = Moções aprovadas pela federação. Registar uma aqui coloca-a no histórico deste conselho, com a sua proveniência.
fd-receive-submit = Registar “{ $title }” aqui
fd-received = Decisões da federação registadas aqui
fd-origin = aprovada primeiro por { $council }

# Offices held for a term (councils/offices.rs)
office-title = Cargos
office-line = { $name }: { $office }, até { $until }
office-ends-soon = (o mandato termina em breve)
office-give = Cargos e os seus mandatos
office-give-help = Atribua a um membro um cargo (tesoureiro, presidente, secretário de atas…) até uma data. A página do conselho mostra quem ocupa cada cargo e até quando.
office-member = Membro
office-name = Cargo
office-name-example = Tesoureiro
office-until = Até (o fim desse dia, UTC)
office-give-submit = Atribuir o cargo
office-end = Terminar este mandato agora
office-end-question = Terminar este mandato antes da data (demissão ou decisão do conselho)?
office-end-submit = Terminar o mandato
office-bad-date = Indique o fim do mandato como data (ano-mês-dia).
ev-office-term-given = { $by } atribuiu a { $member } o cargo de { $office } por um mandato.
ev-office-term-ended = { $by } terminou antecipadamente o mandato { $term }.

# Federations: sizes, terms, refusals
fd-by-size = Ponderado pela dimensão em { $date }; membros representados: { $members }.
fd-weigh-help = Pondere os lugares de cada conselho membro pela sua dimensão: os membros que nele podem votar (numa federação, o peso dos seus delegados empossados), repartidos pelos seus lugares. A dimensão é lida do seu histórico neste nó e citada, para que qualquer pessoa a possa verificar.
fd-weigh-submit = Ponderar já os lugares pela dimensão
fd-not-held = Sem ponderação, porque os seus históricos não estão neste nó: { $councils }. Os seus pesos ficam como estavam.
fd-until = Até { $date }.
fd-term-over = O seu prazo terminou em { $date }: termine este mandato e confira um novo.
fd-until-label = Até (opcional: o fim do prazo)
fr-bad-id = { $id } não é um identificador de conselho (64 dígitos hexadecimais em minúsculas).
fr-itself = Um conselho não pode ser a sua própria federação nem o seu próprio membro.
fr-already-joined = Este conselho já aderiu a essa federação.
fr-not-joined = Este conselho não aderiu a essa federação.
fr-bad-percent = O limiar de destituição está entre 1 e 100 por cento, não { $percent }.
fr-seat-taken = O lugar { $seat } já está ocupado pelo mandato { $mandate }.
fr-no-seat = Os lugares são numerados a partir de 1.
fr-no-mandate = Não existe o mandato { $mandate }.
fr-mandate-ended = O mandato { $mandate } já terminou.
fr-already-signed = Já assinou esta petição.
fr-not-signed = Não assinou esta petição.
fr-threshold = Assinaturas da petição: { $signatures }; são precisas { $needed } para pôr uma destituição em votação.
fr-vote-before-petition = Essa votação foi aberta antes de a petição atingir o limiar: ponha a destituição numa nova votação.
fr-no-vote = Não existe a votação { $vote } na reunião { $meeting }.
fr-vote-open = A votação { $vote } da reunião { $meeting } ainda não está encerrada.
fr-not-passed = A votação { $vote } da reunião { $meeting } não foi aprovada.
fr-not-elected = A votação { $vote } da reunião { $meeting } não elegeu { $name }.
fr-not-yes-no = Isto exige uma votação de sim ou não, e a votação { $vote } da reunião { $meeting } foi uma escolha entre opções.
fr-not-tallied = A eleição { $election } ainda não está apurada.
fr-decision-used = Essa decisão já foi executada por outro passo.
fr-not-a-federation = Só uma federação inscreve conselhos membros e dá posse a delegados.
fr-not-listed = Esse conselho não é membro desta federação.
fr-seats-occupied = Lugares ocupados deste conselho: { $occupied }; não pode ter menos.
fr-bad-weight = O peso de um lugar está entre 1 e 1 000 000, não { $weight }.
fr-not-by-size = Pela dimensão (membros: { $members }; lugares: { $seats }), cada lugar pesa { $expected }, não { $weight }.
fr-beyond-seats = O lugar { $seat } ultrapassa o número de lugares do conselho ({ $seats }).
fr-mandate-used = O titular do mandato { $mandate } desse conselho já tomou posse.
fr-citation-council = A referência é de um conselho diferente daquele a quem pertence o lugar.
fr-not-seated = Esse membro não ocupa nenhum lugar.
fr-not-the-delegate = Só o delegado, o presidente ou o secretário pode terminar um mandato.
fr-not-your-council = Um delegado só apresenta moções aprovadas pelo seu próprio conselho.
fr-already-received = Essa decisão da federação já está registada aqui.
fr-citation-wrong = A referência não se confirma no histórico deste nó: { $why }
fr-term-ends-before = O prazo tem de terminar depois de começar.
fr-no-term = Não existe o mandato de cargo { $term }.
fr-term-ended = O mandato de cargo { $term } já terminou.

# Ranked secret ballots
el-kind = Como respondem os eleitores
el-kind-mark = Marcam respostas
el-kind-irv = Ordenam-nas: segunda volta instantânea (um vencedor)
el-kind-stv = Ordenam-nas: voto único transferível (vários lugares)
el-kind-schulze = Ordenam-nas: Schulze (Condorcet)
el-kind-borda = Ordenam-nas: contagem de Borda
el-kind-mj = Julgamento maioritário
el-seats = Lugares a preencher (voto único transferível)
el-kind-help = Um boletim ordenado continua secreto: os guardiões misturam os boletins antes de os decifrar, pelo que cada ordenação é contada sem que ninguém saiba de quem é. Assim, cada eleitor conta uma vez.
el-error-ranked-weights = Uma pergunta ordenada conta cada boletim uma vez: uns cadernos eleitorais com pesos não a podem ter.
el-js-rank-none = Pergunta { $question }: dê a posição 1 à sua primeira escolha.
el-js-rank-gap = Pergunta { $question }: use as posições 1, 2, 3… por ordem, cada uma só uma vez.
el-rank-how = Dê a posição 1 à sua primeira escolha, a 2 à seguinte, e assim por diante. Não precisa de ordenar as { $count } respostas.
el-rank-none = Sem posição
el-rank-n = Posição { $rank }
el-js-shuffle-needed = A votação está fechada. Antes de alguém decifrar, cada guardião mistura os boletins ordenados: carregue em «Misturar neste navegador» ou misture no seu computador e envie o ficheiro.
el-js-shuffle-waiting = A sua mistura foi recebida. À espera de que os outros guardiões misturem; depois, decifra.
el-shuffle-help = A mistura volta a cifrar os boletins numa ordem secreta e prova-o, pelo que ninguém consegue saber de quem é cada ordenação.
el-shuffle-send = Depois envie o shuffle.txt com «Ficheiro criado na linha de comandos», abaixo.
el-error-shuffle = A mistura é recusada: { $reason }
el-ranked-seats = { $method }, lugares: { $seats }
el-ranked-ballots = Boletins: { $count }, misturados pelos guardiões { $trustees }
el-ranked-elected = Eleitos: { $names }
el-ranked-lots = Os empates foram desfeitos por sorteio a partir de { $seed } (do hash do resultado decifrado), pelo que quem recontar obtém o mesmo sorteio.
el-ranked-count-failed = A contagem falhou: { $reason }
el-ranked-ballots-list = Os boletins decifrados (pela ordem da mistura; cada número é uma posição)

# Ranked secret ballots
el-method-borda = Contagem de Borda (ordenado)

# Ranked secret ballots
el-shuffle-here = Misturar neste navegador
el-shuffle-or = Ou misture no seu computador com a linha de comandos:
el-js-shuffling = A misturar e a provar…

# The election's group
el-group = Grupo criptográfico
el-group-help = Ed25519 (Belenios 3) é o mais rápido nos telemóveis. BELENIOS-2048 serve para verificar a eleição com o belenios-tool 2.0; não admite perguntas ordenadas. RFC-3526-2048 é um grupo de 2048 bits que as admite.
el-error-ranked-group = Uma pergunta ordenada não pode ser feita em BELENIOS-2048: escolha Ed25519 ou RFC-3526-2048.

# STV's rules in the set-up form
el-rules = Regras
el-rules-scottish = regras escocesas do STV
el-rules-wigm = método de Gregory inclusivo ponderado
el-rules-ers97 = regras ERS97
el-rules-meek = método de Meek

# Majority judgment in the set-up form, the booth and the result
el-grades = Menções (julgamento majoritário), da melhor para a pior, uma por linha
el-grades-example = Excelente / Bom / Razoável / Mau / Rejeito, uma por linha
el-grade-how = Atribua uma menção a cada candidato. Ganha o candidato com a melhor menção mediana.
el-grade-none = Escolha uma menção
el-js-grade-missing = Pergunta { $question }: atribua uma menção a cada candidato.
el-answer = Resposta
el-majority-grade = Menção maioritária

# Who has shuffled, on the election's page
el-trustee-shuffled = já misturou os boletins ordenados
el-trustee-to-shuffle = ainda não misturou os boletins ordenados
