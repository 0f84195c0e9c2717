; id: LT-JAVA-001
; name: LegacyJavaTlsProtocol
; kind: explicit-legacy
; language: java
; precision: high
; short: Java or Kotlin code pins or enables SSL 3.0, TLS 1.0 or TLS 1.1
; full: 'SSLContext.getInstance("SSL"|"SSLv3"|"TLSv1"|"TLSv1.1")', a legacy name given to
;   'setEnabledProtocols', 'SSLParameters.setProtocols', Netty 'SslContextBuilder.protocols',
;   OkHttp 'ConnectionSpec.Builder.tlsVersions', Apache HttpClient 'SSLConnectionSocketFactory'
;   or 'setTlsVersions', or to 'System.setProperty("https.protocols" |
;   "jdk.tls.client.protocols" | "jdk.tls.server.protocols", ...)'; and the single-purpose
;   constants OkHttp 'TlsVersion.TLS_1_0', 'TLS_1_1', 'SSL_3_0', 'ConnectionSpec.COMPATIBLE_TLS'
;   and Apache HttpCore 'TLS.V_1_0', 'TLS.V_1_1' wherever they are passed, assigned or
;   returned; in Kotlin files too (rules/kotlin/LT-JAVA-001.scm: the same calls, and the
;   property syntax 'socket.enabledProtocols = arrayOf(...)'). Such a client or server offers
;   or accepts a protocol version that current JDKs disable and servers refuse.
; keywords: SSLContext, setEnabledProtocols, setProtocols, protocols, tlsVersions, setTlsVersions, useProtocol, SSLConnectionSocketFactory, DefaultClientTlsStrategy, SSLIOSessionStrategy, https.protocols, jdk.tls.client.protocols, jdk.tls.server.protocols, TLS_1_0, TLS_1_1, SSL_3_0, COMPATIBLE_TLS, V_1_0, V_1_1
; value: @value JavaTlsProtocols
; report-if: enables-legacy
; message: '{value}' enables {versions}. Use 'SSLContext.getInstance("TLS")' and leave the enabled protocols to the JDK (TLS 1.2 and TLS 1.3 on current JDKs), or name only "TLSv1.3" and "TLSv1.2" (OkHttp: 'ConnectionSpec.MODERN_TLS').
; no-fix: tlslint does not edit Java or Kotlin yet: use SSLContext.getInstance("TLS") and enable only
;   TLSv1.2 and TLSv1.3 where the protocols are set.
; help:
;   ## Legacy protocol names in Java TLS code
;
;   `SSLContext.getInstance("TLSv1")`, `socket.setEnabledProtocols(new String[] {"TLSv1"})`
;   and their counterparts in OkHttp, Apache HttpClient and Netty pin a connection to SSL 3.0,
;   TLS 1.0 or TLS 1.1, or keep those versions on. They are broken or deprecated (RFC 8996):
;   JDK 8u291, 11.0.11 and 16 disable them in `jdk.tls.disabledAlgorithms`, and servers,
;   cloud endpoints and payment processors refuse them. Code that asks for them fails to
;   connect, or re-enables what the platform switched off.
;
;   `SSLContext.getInstance("TLS")` and `"Default"` are not reported: they negotiate the
;   highest version both sides support.
;
;   **Problem**
;
;   ```java
;   private static final String LEGACY = "TLSv1";
;   SSLContext ctx = SSLContext.getInstance(LEGACY);
;   socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1", "TLSv1.2"});
;   ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
;       .tlsVersions(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2).build();
;   System.setProperty("https.protocols", "TLSv1,TLSv1.1,TLSv1.2");
;   ```
;
;   The same in Kotlin:
;
;   ```kotlin
;   const val LEGACY = "TLSv1"
;   val ctx = SSLContext.getInstance(LEGACY)
;   socket.enabledProtocols = arrayOf("TLSv1", "TLSv1.1", "TLSv1.2")
;   val specs = listOf(ConnectionSpec.COMPATIBLE_TLS, ConnectionSpec.CLEARTEXT)
;   ```
;
;   **Fix**: let the JDK choose, or name only modern versions:
;
;   ```java
;   SSLContext ctx = SSLContext.getInstance("TLS");
;   socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
;   ConnectionSpec spec = ConnectionSpec.MODERN_TLS;
;   ```
;
;   If a peer really only speaks TLS 1.0, isolate that connection and suppress the finding with
;   a reason (`// tlslint-ignore: LT-JAVA-001 the 2009 card terminal speaks only TLS 1.0`).
;
;   Not reported: protocol names in log lines, comparisons
;   (`socket.getSession().getProtocol().equals("TLSv1")`), "TLSv1.2" and "TLSv1.3", comments,
;   and tests that expect a legacy handshake to be refused (inside a lambda passed to
;   `assertThrows`, `assertThatThrownBy`, ..., or a method marked `@Test(expected = ...)`;
;   in Kotlin a lambda passed to `assertFailsWith<SSLHandshakeException>`, `assertThrows`,
;   `shouldThrow`, ...).

; SSLContext.getInstance("TLSv1")
(method_invocation
  object: (_) @class
  name: (identifier) @method
  arguments: (argument_list . (_) @value)
  (#match? @class "(^|\\.)SSLContext$")
  (#eq? @method "getInstance")
  (#not-in-rejection-test? @value))

; Lists of enabled protocols: JSSE sockets and engines, SSLParameters, Netty SslContextBuilder,
; OkHttp ConnectionSpec.Builder, Apache HttpClient 5 builders, Apache SSLContexts.useProtocol.
(method_invocation
  name: (identifier) @method
  arguments: (argument_list (_) @value)
  (#any-of? @method "setEnabledProtocols" "setProtocols" "protocols" "tlsVersions" "setTlsVersions" "useProtocol")
  (#not-in-rejection-test? @value))

; Apache HttpClient: new SSLConnectionSocketFactory(sslContext, new String[] {"TLSv1"}, ...);
; HttpClient 5 DefaultClientTlsStrategy and the async SSLIOSessionStrategy take the same list.
(object_creation_expression
  type: (_) @class
  arguments: (argument_list . (_) . (_) @value)
  (#match? @class "(^|\\.)(SSLConnectionSocketFactory|DefaultClientTlsStrategy|SSLIOSessionStrategy)$")
  (#not-in-rejection-test? @value))

; System.setProperty("https.protocols", "TLSv1,TLSv1.1")
(method_invocation
  object: (identifier) @class
  name: (identifier) @method
  arguments: (argument_list . (_) @key . (_) @value)
  (#eq? @class "System")
  (#eq? @method "setProperty")
  (#string-any-of? @key "https.protocols" "jdk.tls.client.protocols" "jdk.tls.server.protocols")
  (#not-in-rejection-test? @value))

; Single-purpose constants wherever they are passed (other than to the calls above, and to
; comparisons and logging), assigned or returned.
(method_invocation
  name: (identifier) @method
  arguments: (argument_list (field_access) @value)
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-any-of? @method "setEnabledProtocols" "setProtocols" "protocols" "tlsVersions" "setTlsVersions" "useProtocol" "getInstance" "setProperty" "equals" "contains" "compareTo" "assertEquals" "assertNotEquals" "assertSame" "isEqualTo" "isNotEqualTo" "println" "print" "printf" "format" "trace" "debug" "info" "warn" "error" "log")
  (#not-in-rejection-test? @value))

(object_creation_expression
  type: (_) @class
  arguments: (argument_list (field_access) @value)
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-match? @class "(^|\\.)(SSLConnectionSocketFactory|DefaultClientTlsStrategy|SSLIOSessionStrategy)$")
  (#not-in-rejection-test? @value))

(assignment_expression
  right: (field_access) @value
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

(return_statement
  (field_access) @value
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))
