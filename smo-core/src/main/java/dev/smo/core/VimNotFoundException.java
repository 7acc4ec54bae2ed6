package dev.smo.core;

import dev.smo.common.SmoException;

/** No VIM of that id or name is known to SMO. */
public class VimNotFoundException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param vim the id or name that was asked for */
    public VimNotFoundException(String vim) {
        super("VIM (" + vim + ") not found.\nMaybe register it with POST /vims/smo_vims, or sync with the NFVCL.");
    }
}
