//! The macros behind the one list of commands and events in `ipc/mod.rs`.
//!
//! `commands!` turns each line into a Tauri command that calls its handler, registers all of
//! them in one handler, and keeps the signatures for the TypeScript client. The wrapper calls
//! the handler with exactly the declared arguments and returns its result, so the compiler
//! checks the declaration against the code that answers it.

/// A declared command as the TypeScript client sees it.
#[cfg(test)]
pub struct CommandSignature {
    pub name: &'static str,
    /// Argument names as Rust spells them (the client sends them in camelCase) and their types.
    pub args: Vec<(&'static str, super::typescript::TsType)>,
    pub result: super::typescript::TsType,
}

/// A declared event as the TypeScript client sees it.
#[cfg(test)]
pub struct EventSignature {
    pub name: &'static str,
    pub payload: super::typescript::TsType,
}

macro_rules! commands {
    ($($(#[doc = $doc:literal])* $mode:ident $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $result:ty = $handler:path;)+) => {
        /// The Tauri commands, one per declaration.
        mod handlers {
            #[allow(unused_imports)]
            use super::*;
            $(commands!(@command $mode $name($($arg: $ty),*) -> $result = $handler);)+
        }

        /// Every declared command, for `tauri::Builder::invoke_handler`.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(handlers::$name),+]
        }

        #[cfg(test)]
        pub fn command_signatures() -> Vec<$crate::app::ipc::declare::CommandSignature> {
            vec![$($crate::app::ipc::declare::CommandSignature {
                name: stringify!($name),
                args: vec![$((stringify!($arg), $crate::app::ipc::typescript::TsType::of::<$ty>())),*],
                result: $crate::app::ipc::typescript::TsType::of::<$result>(),
            }),+]
        }
    };
    // Runs on the main thread: quick reads and writes of the register.
    (@command sync $name:ident($($arg:ident: $ty:ty),*) -> $result:ty = $handler:path) => {
        #[tauri::command]
        pub fn $name(app: tauri::AppHandle, $($arg: $ty),*) -> $crate::app::error::CommandResult<$result> {
            $handler(&app, $($arg),*)
        }
    };
    // Runs off the main thread: native dialogs and long exports, which must not freeze the window.
    (@command async $name:ident($($arg:ident: $ty:ty),*) -> $result:ty = $handler:path) => {
        #[tauri::command]
        pub async fn $name(app: tauri::AppHandle, $($arg: $ty),*) -> $crate::app::error::CommandResult<$result> {
            $handler(app, $($arg),*).await
        }
    };
}

macro_rules! events {
    ($($(#[doc = $doc:literal])* $name:literal => $payload:ty;)+) => {
        $(
            $(#[doc = $doc])*
            impl $crate::app::ipc::Event for $payload {
                const NAME: &'static str = $name;
            }
        )+

        #[cfg(test)]
        pub fn event_signatures() -> Vec<$crate::app::ipc::declare::EventSignature> {
            vec![$($crate::app::ipc::declare::EventSignature {
                name: $name,
                payload: $crate::app::ipc::typescript::TsType::of::<$payload>(),
            }),+]
        }
    };
}
