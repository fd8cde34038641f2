import CatalyseCore

/// A key as the backend decodes it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Control + a letter (`ctrl("c")`); Ctrl-C and Ctrl-Z are delivered as `.interrupt` /
    /// `.suspend` events when the terminal turns them into signals.
    case ctrl(Character)
}

/// A mouse action at a cell.
public enum MouseAction: Sendable, Hashable { case press, wheelUp, wheelDown }

/// Everything that can happen to the interface: input, a new size, and the outcome of an effect.
public enum Event: Sendable, Hashable {
    case key(Key)
    case mouse(MouseAction, row: Int, column: Int)
    case resize(width: Int, height: Int)
    /// The favourites file after a change (or at start): the ids, in order.
    case favouritesLoaded([String])
    /// A favourites change failed: the message to show.
    case favouritesFailed(String)
    /// The favourites could not be read at start (corrupt or unreadable file): the message.
    case favouritesUnreadable(String)
    /// An export was written at this path.
    case exportWritten(path: String)
    /// An export could not be written; `exists` when the file is there (ask to overwrite).
    case exportFailed(message: String, exists: Bool)
}

/// Work the interface asks the program to do outside the pure update: the runner performs it
/// and sends back the resulting event.
public enum Effect: Sendable, Hashable {
    case toggleFavourite(id: String)
    case writeExport(path: String, contents: String, overwrite: Bool)
    case saveLanguage(Language)
    case quit
    case suspend
}
