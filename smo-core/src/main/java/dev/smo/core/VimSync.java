package dev.smo.core;

import java.util.List;

/**
 * What a VIM sync with the NFVCL's topology did.
 *
 * @param added VIMs found in the topology that SMO did not know, now stored
 * @param reregistered SMO's VIMs missing from the topology (an NFVCL that lost it) registered again
 * @param missing SMO's VIMs missing from the topology that could not be registered again (no stored password)
 */
public record VimSync(List<Vim> added, List<Vim> reregistered, List<Vim> missing) {

    public VimSync {
        added = List.copyOf(added);
        reregistered = List.copyOf(reregistered);
        missing = List.copyOf(missing);
    }
}
