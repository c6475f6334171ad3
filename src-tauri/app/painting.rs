//! How WebKitGTK paints the window on a machine without a graphics card.
//!
//! WebKitGTK paints with Skia through OpenGL by default. With no GPU to draw on (a virtual
//! machine, a remote desktop, a container: no DRM render node), Mesa runs that OpenGL on the
//! CPU (llvmpipe) and compiles a program for every new kind of drawing before it draws it: the
//! register's first frame took 170 ms to paint that way, against 38 ms with Skia painting on the
//! CPU directly (docs/PERFORMANCE.md). Compositing stays on either way; only where the tiles are
//! painted changes. A choice the user made in the environment stands.

use std::ffi::OsStr;
use std::path::Path;

const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Has WebKit paint on the CPU when OpenGL would run on it anyway. Called before the first
/// window, while the app has one thread: the web process inherits the environment.
pub fn choose() {
    if cfg!(target_os = "linux") && std::env::var_os(CPU_PAINTING).is_none() && gl_is_software() {
        std::env::set_var(CPU_PAINTING, "1");
    }
}

fn gl_is_software() -> bool {
    let forced = std::env::var_os("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| !v.is_empty() && v != OsStr::new("0"));
    forced || !has_render_node(Path::new("/dev/dri"))
}

/// Whether `dri` holds a render node (`renderD128`, …), through which Mesa reaches a GPU.
fn has_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else { return false };
    entries.flatten().any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_is_a_gpu_and_its_absence_is_not() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(&dri.path().join("missing")));
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dri.path()), "a display card alone is not a render node");
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
    }
}
