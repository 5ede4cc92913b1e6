//! Every string a person reads goes through Fluent. Catalogs live in `locales/<code>.ftl`, one per language, and are
//! compiled into the binary. A missing key renders as the key itself and is remembered, so the page-rendering tests
//! can fail on it; `tests/i18n.rs` also fails when any catalog lacks a key the English one has.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The catalogs, in the order the language switcher lists them.
pub const CATALOGS: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../locales/en.ftl")),
    ("ru", "Русский", include_str!("../locales/ru.ftl")),
    ("kk", "Қазақша", include_str!("../locales/kk.ftl")),
    ("es", "Español", include_str!("../locales/es.ftl")),
    ("pt", "Português", include_str!("../locales/pt.ftl")),
    ("ko", "한국어", include_str!("../locales/ko.ftl")),
    ("nb", "Norsk bokmål", include_str!("../locales/nb.ftl")),
];

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    missing: Mutex<BTreeSet<(String, String)>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

/// A language code kenes has a catalog for.
pub type Lang = &'static str;

impl I18n {
    /// Loads every catalog. A catalog with a syntax error is a build defect, reported here with its language.
    pub fn load() -> Result<I18n, String> {
        let mut bundles = HashMap::new();
        for (code, _, source) in CATALOGS {
            let resource = FluentResource::try_new((*source).to_owned())
                .map_err(|(_, errors)| format!("catalog {code}.ftl has syntax errors: {errors:?}"))?;
            let langid: LanguageIdentifier = code.parse().map_err(|e| format!("language {code}: {e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Bidi isolation marks would show up in HTML attributes and tests; names are escaped by maud anyway.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errors| format!("catalog {code}.ftl: {errors:?}"))?;
            bundles.insert(*code, bundle);
        }
        Ok(I18n { bundles, missing: Mutex::new(BTreeSet::new()) })
    }

    /// The message `key` in `lang`, with text arguments.
    pub fn tr_args(&self, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
        // A whole number is passed as a number, so plural selectors (`[one]`, `[few]`, …) choose by it; written
        // back it reads the same ("007" stays a string).
        let args: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(name, value)| match value.parse::<i64>() {
                Ok(number) if number.to_string() == *value => (*name, FluentValue::from(number)),
                _ => (*name, FluentValue::from(value.as_str())),
            })
            .collect();
        self.tr(lang, key, &args)
    }

    /// The message `key` in `lang`, with arguments.
    pub fn tr(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundles.get(lang).or_else(|| self.bundles.get("en")) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            if let Ok(mut missing) = self.missing.lock() {
                missing.insert((lang.to_owned(), key.to_owned()));
            }
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty()
            && let Ok(mut missing) = self.missing.lock()
        {
            missing.insert((lang.to_owned(), format!("{key} ({errors:?})")));
        }
        text.into_owned()
    }

    /// Whether `lang` has the message `key` (for messages that are optional, like an event's sentence).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|bundle| bundle.has_message(key))
    }

    /// Keys that were asked for but missing, with their language, since start.
    pub fn missing(&self) -> Vec<(String, String)> {
        self.missing.lock().map(|m| m.iter().cloned().collect()).unwrap_or_default()
    }
}

/// Picks the language: the user's choice (cookie) if we have it, else the best match of Accept-Language, else English.
pub fn negotiate(cookie_choice: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(choice) = cookie_choice
        && let Some(code) = supported(choice)
    {
        return code;
    }
    if let Some(header) = accept_language {
        // RFC 9110 §12.5.4: tags in order of quality (ties keep their order); the first we speak wins.
        let mut requested: Vec<(u16, usize, &str)> = header
            .split(',')
            .take(32)
            .enumerate()
            .filter_map(|(index, item)| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (quality > 0.0).then_some(((quality.clamp(0.0, 1.0) * 1000.0) as u16, index, tag))
            })
            .collect();
        requested.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        if let Some(code) = requested.iter().find_map(|(_, _, tag)| supported(tag)) {
            return code;
        }
    }
    "en"
}

/// The catalog code for a language code, if kenes speaks it (Norwegian "no"/"nn" fall back to bokmål).
pub fn supported(code: &str) -> Option<Lang> {
    let code = code.trim().to_lowercase();
    let base = code.split(['-', '_']).next().unwrap_or("");
    let base = if base == "no" || base == "nn" { "nb" } else { base };
    CATALOGS.iter().map(|(c, _, _)| *c).find(|c| *c == base)
}
