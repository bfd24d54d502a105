/** Icons of the library page (UI chrome). */
const Svg = ({ d, filled }: { d: string; filled?: boolean }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" class={filled ? 'is-filled' : undefined}><path d={d} /></svg>
);
export const StarIcon = ({ filled }: { filled: boolean }) => <Svg filled={filled} d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />;
export const CheckIcon = () => <Svg d="M5 12.5l4.5 4.5L19 7.5" />;
export const ArchiveIcon = () => <Svg d="M4 5h16v4H4zM5.5 9v10h13V9M10 13h4" />;
export const TrashIcon = () => <Svg d="M5 7h14M10 7V4.5h4V7M7 7l1 13h8l1-13" />;
export const TagIcon = () => <Svg d="M3.5 12.5V4.5h8l9 9-8 8zM8 8.5h.01" />;
export const ExternalIcon = () => <Svg d="M14 4h6v6M20 4l-9 9M18 14v6H4V6h6" />;
export const SearchIcon = () => <Svg d="M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13zM15.5 15.5L20 20" />;
export const MenuIcon = () => <Svg d="M4 7h16M4 12h16M4 17h16" />;
export const CloseIcon = () => <Svg d="M6 6l12 12M18 6L6 18" />;
export const SaveIcon = () => <Svg d="M6 4h12v16l-6-4-6 4z" />;
export const BookIcon = () => <Svg d="M4 5.5c2.5-1 5-1 8 1 3-2 5.5-2 8-1V19c-2.5-1-5-1-8 1-3-2-5.5-2-8-1zM12 6.5V20" />;
export const LibraryIcon = () => <Svg d="M5 4v16M9 4v16M13 5l4 15M4 20h16" />;
