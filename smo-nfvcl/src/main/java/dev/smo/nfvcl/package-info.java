/**
 * The NFVCL adapter: {@link dev.smo.nfvcl.NfvclClient} creates the core's {@link dev.smo.core.spi.Nfvcl} port over
 * the NFVCL REST API from an {@link dev.smo.nfvcl.NfvclConfig} and, optionally, an injected
 * {@link java.net.http.HttpClient}.
 */
package dev.smo.nfvcl;
