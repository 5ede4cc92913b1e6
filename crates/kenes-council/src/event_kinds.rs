//! The one macro that declares a family of event kinds: each kind string is written once, beside its enum variant and
//! payload type, and the kind, the payload encoding and the decoder all follow from that line.
//!
//! A record signed years ago must replay byte for byte, so a kind string that drifted between `kind()` and the decoder
//! would silently orphan every event of that kind; writing it once makes that drift impossible.
//! The payload is whatever `serde_json` writes for the payload struct (see `crate::events` for the rule).

/// Declares an event enum, its `KINDS`, and `kind`, `payload` and `from_kind` for it.
///
/// Two forms:
/// - `pub enum Name by { Variant(Payload) = "kind", … }`: every payload has a `by` field, and `by()` returns it.
/// - `pub enum Name { Variant(Payload) = "kind", … } families { Variant(FamilyEvent), … }`: the enum also holds whole
///   families declared by this macro elsewhere; their kinds are tried, in the order listed, after the enum's own.
macro_rules! event_kinds {
    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident by {
            $( $(#[$variant_meta:meta])* $variant:ident($payload:ty) = $kind:literal, )*
        }
    ) => {
        $crate::event_kinds::event_kinds! {
            @declare
            $(#[$enum_meta])*
            pub enum $name {
                $( $(#[$variant_meta])* $variant($payload) = $kind, )*
            }
            families {}
        }

        impl $name {
            /// The member who asked for this.
            pub fn by(&self) -> $crate::model::MemberId {
                match self {
                    $( $name::$variant(payload) => payload.by, )*
                }
            }
        }
    };

    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident($payload:ty) = $kind:literal, )*
        }
        families {
            $( $(#[$family_meta:meta])* $family:ident($family_type:ty), )*
        }
    ) => {
        $crate::event_kinds::event_kinds! {
            @declare
            $(#[$enum_meta])*
            pub enum $name {
                $( $(#[$variant_meta])* $variant($payload) = $kind, )*
            }
            families {
                $( $(#[$family_meta])* $family($family_type), )*
            }
        }
    };

    (
        @declare
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident($payload:ty) = $kind:literal, )*
        }
        families {
            $( $(#[$family_meta:meta])* $family:ident($family_type:ty), )*
        }
    ) => {
        $(#[$enum_meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant($payload), )*
            $( $(#[$family_meta])* $family($family_type), )*
        }

        #[doc = concat!(
            "The kinds `", stringify!($name), "` declares itself, as written in the record ",
            "(the families it holds list theirs beside their own enums)."
        )]
        pub const KINDS: &[&str] = &[$( $kind, )*];

        impl $name {
            /// The kind, as written in the record.
            pub fn kind(&self) -> &'static str {
                match self {
                    $( $name::$variant(_) => $kind, )*
                    $( $name::$family(event) => event.kind(), )*
                }
            }

            /// The payload bytes: what `serde_json` writes for the payload struct.
            pub(crate) fn payload(&self) -> Result<Vec<u8>, serde_json::Error> {
                match self {
                    $( $name::$variant(payload) => serde_json::to_vec(payload), )*
                    $( $name::$family(event) => event.payload(), )*
                }
            }

            /// Decodes a payload of one of these kinds, strictly; `None` when the kind is none of them.
            pub(crate) fn from_kind(kind: &str, payload: &[u8]) -> Option<Result<$name, serde_json::Error>> {
                match kind {
                    $( $kind => return Some(serde_json::from_slice(payload).map($name::$variant)), )*
                    _ => {}
                }
                $(
                    if let Some(decoded) = <$family_type>::from_kind(kind, payload) {
                        return Some(decoded.map($name::$family));
                    }
                )*
                None
            }
        }
    };
}

pub(crate) use event_kinds;
