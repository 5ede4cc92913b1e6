//! What a council does, whatever asks (pages or API): typed operations that check who may, then write through `AppState::execute`.

use kenes_council::events::{
    CouncilUpdated, Created, ImportedMember, MemberAdded, MemberRemoved, MemberRenamed, MembersImported, RoleChanged,
};
use kenes_council::roll::{RollError, parse_roll};
use kenes_council::{CouncilEvent, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId, Role};
use kenes_record::EventHash;
use kenes_store::{Account, Token, TokenPurpose};

use crate::AppState;
use crate::accounts::*;
use crate::auth::{Ctx, LINK_MS, new_token, now_ms};
use crate::error::WebError;

use crate::ui::*;

/// The largest CSV roll accepted (2 MiB).
pub const MAX_ROLL_BYTES: usize = 2 << 20;

// ---------------------------------------------------------------------------------------------------------------
pub struct NewCouncil {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub languages: Vec<String>,
    pub founder: String,
}

/// Validates and creates a council; the creator's account becomes its member 1 (a secretary).
pub fn create_council(state: &AppState, account: &Account, input: NewCouncil) -> Result<EventHash, WebError> {
    if !account.is_admin {
        return Err(WebError::Forbidden);
    }
    let created = Created {
        name: CouncilName::parse(&input.name)?,
        kind: input.kind.parse()?,
        description: Description::parse(&input.description)?,
        languages: Languages::parse(&input.languages)?,
        founder: DisplayName::parse(&input.founder)?,
        nonce: hex::encode(new_token().1),
    };
    let id = state.node().create_council(created, now_ms())?;
    state.node().store().backend().link_member(account.id, id, 1)?;
    Ok(id)
}

/// The council's new name, description and languages.
pub struct Settings {
    pub name: String,
    pub description: String,
    pub languages: Vec<String>,
    /// Elections for members' eyes only.
    pub private: bool,
    /// The council's colour by name (`kenes_council::Colour`); empty or "none" for none.
    pub colour: String,
}

/// A chair or secretary changes the council's name, description or languages. The caller has checked CSRF.
pub async fn update_settings(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    input: Settings,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = CouncilEvent::CouncilUpdated(CouncilUpdated {
        by: me,
        name: CouncilName::parse(&input.name)?,
        description: Description::parse(&input.description)?,
        languages: Languages::parse(&input.languages)?,
        private: input.private,
        colour: match input.colour.trim() {
            "" | "none" => None,
            name => Some(name.parse()?),
        },
    });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A chair or secretary chooses which nodes may hold a copy of the council's record (node cards, see
/// `kenes_council::copies::parse_card`), and whether anyone may. The caller has checked CSRF.
pub async fn choose_copies(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    cards: &[String],
    public: bool,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let nodes = cards
        .iter()
        .filter(|card| !card.trim().is_empty())
        .map(|card| kenes_council::copies::parse_card(card))
        .collect::<Result<Vec<_>, _>>()?;
    let command = CouncilEvent::CopiesChosen(kenes_council::events::CopiesChosen { by: me, nodes, public });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// Adds a member by name and makes a one-time sign-in link for them. Returns the member and the link.
pub fn add_member(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    name: &str,
    role: &str,
) -> Result<(MemberId, String), WebError> {
    let me = require_member(state, ctx, council)?;
    let name = DisplayName::parse(name)?;
    let role: Role = role.parse()?;
    let command =
        CouncilEvent::MemberAdded(MemberAdded { by: me, name: name.clone(), role, via: JoinedVia::Secretary });
    state.execute(council, &command)?;
    let member = state.node().read(council, |c| c.member_named(&name))?;
    let member = member.ok_or_else(|| WebError::Internal("added member not found".to_owned()))?;
    let link = signin_link(state, ctx, council, member)?;
    Ok((member, link))
}

/// A fresh one-time sign-in link for a member, creating their (password-less) account on first use.
pub fn signin_link(state: &AppState, ctx: &Ctx, council: EventHash, member: MemberId) -> Result<String, WebError> {
    let (token, hash) = new_token();
    let created_by = ctx.account.as_ref().map(|a| a.id);
    let record = Token {
        purpose: TokenPurpose::SignIn,
        council: Some(council),
        member: Some(member.0),
        role: None,
        created_by,
        account: None,
        expires_ms: now_ms() + LINK_MS,
        created_ms: now_ms(),
    };
    state.node().store().backend().create_token(&hash, &record)?;
    Ok(format!("{}/link/{token}", ctx.origin))
}

/// Makes an invitation link for one person to join with a role.
pub fn create_invitation(state: &AppState, ctx: &Ctx, council: EventHash, role: &str) -> Result<String, WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let role: Role = role.parse()?;
    let (token, hash) = new_token();
    let record = Token {
        purpose: TokenPurpose::Invitation,
        council: Some(council),
        member: Some(me.0),
        role: Some(role.as_str().to_owned()),
        created_by: ctx.account.as_ref().map(|a| a.id),
        account: None,
        expires_ms: now_ms() + LINK_MS,
        created_ms: now_ms(),
    };
    state.node().store().backend().create_token(&hash, &record)?;
    Ok(format!("{}/join/{token}", ctx.origin))
}

/// A council's open invitations and sign-in links, for its chairs and secretaries: each with the hex SHA-256 that
/// names it (the link's secret is not kept, so it cannot be shown again).
pub fn open_links(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<Vec<(String, Token)>, WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let tokens = state.node().store().backend().open_tokens(council, now_ms())?;
    Ok(tokens.into_iter().map(|(hash, token)| (hex::encode(hash), token)).collect())
}

/// Withdraws an open link of the council, named by its hex SHA-256. The caller has checked CSRF.
pub fn revoke_link(state: &AppState, ctx: &Ctx, council: EventHash, link: &str) -> Result<(), WebError> {
    let me = require_member(state, ctx, council)?;
    if !state.node().read(council, |c| kenes_council::may_manage(c, me))? {
        return Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me)));
    }
    let hash: [u8; 32] = hex::decode(link).ok().and_then(|bytes| bytes.try_into().ok()).ok_or(WebError::NotFound)?;
    if state.node().store().backend().revoke_token(council, &hash, now_ms())? {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

/// The outcome of an import: imported member count, or the rejected rows.
pub enum ImportResult {
    Imported(usize),
    Refused(RollError),
}

/// Parses a roll and imports it as one event, or refuses it whole.
pub fn import_roll(state: &AppState, ctx: &Ctx, council: EventHash, bytes: &[u8]) -> Result<ImportResult, WebError> {
    let me = require_member(state, ctx, council)?;
    if bytes.len() > MAX_ROLL_BYTES {
        return Err(WebError::TooLarge);
    }
    let roll = state.node().read(council, |c| parse_roll(bytes, c))?;
    let roll = match roll {
        Ok(roll) => roll,
        Err(error) => return Ok(ImportResult::Refused(error)),
    };
    let members = roll.entries.iter().map(|e| ImportedMember { name: e.name.clone(), role: e.role }).collect();
    let command = CouncilEvent::MembersImported(MembersImported { by: me, members });
    state.execute(council, &command)?;
    let contacts: Vec<(u32, String)> = state.node().read(council, |c| {
        roll.entries.iter().filter_map(|e| Some((c.member_named(&e.name)?.0, e.contact.clone()?))).collect()
    })?;
    if !contacts.is_empty() {
        state.node().store().backend().set_contacts(council, &contacts)?;
    }
    Ok(ImportResult::Imported(roll.entries.len()))
}

/// A chair or secretary gives a member another role. The caller has checked CSRF.
pub async fn change_role(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    member: u32,
    role: &str,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let role: Role = role.parse()?;
    let command = CouncilEvent::RoleChanged(RoleChanged { by: me, member: MemberId(member), role });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A member renames themselves, or a chair or secretary renames a member. The caller has checked CSRF.
pub async fn rename_member(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    member: u32,
    name: &str,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let name = DisplayName::parse(name)?;
    let command = CouncilEvent::MemberRenamed(MemberRenamed { by: me, member: MemberId(member), name });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A chair or secretary removes a member. The caller has checked CSRF.
pub async fn remove_member(state: &AppState, ctx: &Ctx, council: EventHash, member: u32) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = CouncilEvent::MemberRemoved(MemberRemoved { by: me, member: MemberId(member) });
    Ok(state.execute_blocking(council, command).await?.height)
}

/// A chair or secretary makes a fresh one-time sign-in link for an active member. The caller has checked CSRF.
pub fn member_signin_link(state: &AppState, ctx: &Ctx, council: EventHash, member: u32) -> Result<String, WebError> {
    let me = require_member(state, ctx, council)?;
    let (manages, active) = state
        .node()
        .read(council, |c| (kenes_council::may_manage(c, me), c.member(MemberId(member)).map(|m| m.active)))?;
    match active {
        None => Err(WebError::NotFound),
        Some(_) if !manages => Err(WebError::from_rejected(&kenes_council::Rejected::NotAllowed(me))),
        Some(false) => Err(WebError::from_rejected(&kenes_council::Rejected::NotAMember(MemberId(member)))),
        Some(true) => {
            link_may_open(state, council, member)?;
            signin_link(state, ctx, council, MemberId(member))
        }
    }
}

/// A member's copy of the council's sealed bundle, read and sealed off the async threads (a large record takes a
/// while).
pub async fn bundle(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<Vec<u8>, WebError> {
    require_member(state, ctx, council)?;
    let worker = state.clone();
    crate::blocking(move || worker.node().export_bundle(council).map_err(WebError::from_node)).await
}
