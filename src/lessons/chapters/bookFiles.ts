/**
 * Exercise files of *Learn Docker in a Month of Lunches* (sixeyed/diamol, CC BY-SA 4.0; see tests/book/README.md),
 * read from tests/book/diamol as they are, so the lessons build what the book builds.
 */
import fileDisplayDockerfile from '../../../tests/book/diamol/ch06/exercises/file-display/Dockerfile?raw';
import fileDisplayInput from '../../../tests/book/diamol/ch06/exercises/file-display/input.txt?raw';
import galleryDockerfile from '../../../tests/book/diamol/ch04/exercises/image-gallery/Dockerfile?raw';
import galleryMain from '../../../tests/book/diamol/ch04/exercises/image-gallery/main.go?raw';
import galleryIndex from '../../../tests/book/diamol/ch04/exercises/image-gallery/index.html?raw';

/** ch06 file-display: prints /input.txt, copied in at build time. */
export const BOOK_FILE_DISPLAY: Record<string, string> = { Dockerfile: fileDisplayDockerfile, 'input.txt': fileDisplayInput };

/** ch04 image-gallery: a Go web app built in the diamol/golang stage and run from diamol/base. */
export const BOOK_IMAGE_GALLERY: Record<string, string> = { Dockerfile: galleryDockerfile, 'main.go': galleryMain, 'index.html': galleryIndex };
