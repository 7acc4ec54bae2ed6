package dev.smo.core;

import dev.smo.common.SmoException;

/** A VIM of that name (as SMO or the NFVCL spells it) is already known. */
public class VimAlreadyExistsException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param name the name asked for */
    public VimAlreadyExistsException(String name) {
        super("VIM (" + name + ") already exists.\nMaybe delete it first, or pick another name.");
    }
}
