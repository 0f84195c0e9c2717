; id: LT-JAVA-001
; language: kotlin
; keywords: SSLContext, setEnabledProtocols, enabledProtocols, setProtocols, protocols, tlsVersions, setTlsVersions, useProtocol, SSLConnectionSocketFactory, DefaultClientTlsStrategy, SSLIOSessionStrategy, https.protocols, jdk.tls.client.protocols, jdk.tls.server.protocols, TLS_1_0, TLS_1_1, SSL_3_0, COMPATIBLE_TLS, V_1_0, V_1_1

; The Kotlin pattern of LT-JAVA-001 (rules/java/LT-JAVA-001.scm holds the rule; this pattern
; file adds its Kotlin query, rules/README.md): the same calls in Kotlin's syntax, and the
; property syntax Kotlin gives Java's setters (`socket.enabledProtocols = arrayOf(...)`).

; A navigation's name is matched as its last child (`(identifier) @method .`): a comment
; between the lines of a builder chain is a child too, so nothing is anchored before it.

; SSLContext.getInstance("TLSv1")
(call_expression
  (navigation_expression (_) @class . (identifier) @method .)
  (value_arguments . (value_argument (_) @value .))
  (#match? @class "(^|\\.)SSLContext$")
  (#eq? @method "getInstance")
  (#not-in-rejection-test? @value))

; Lists of enabled protocols: JSSE sockets and engines, SSLParameters, Netty SslContextBuilder,
; OkHttp ConnectionSpec.Builder, Apache HttpClient 5 builders, Apache SSLContexts.useProtocol;
; with a receiver, or inside `apply { }` / `with(x) { }`.
(call_expression
  (navigation_expression (identifier) @method .)
  (value_arguments (value_argument (_) @value .))
  (#any-of? @method "setEnabledProtocols" "setProtocols" "protocols" "tlsVersions" "setTlsVersions" "useProtocol")
  (#not-in-rejection-test? @value))

(call_expression
  . (identifier) @method
  (value_arguments (value_argument (_) @value .))
  (#any-of? @method "setEnabledProtocols" "setProtocols" "tlsVersions" "setTlsVersions" "useProtocol")
  (#not-in-rejection-test? @value))

; Kotlin's property syntax: socket.enabledProtocols = arrayOf(...), sslParameters.protocols =
; ..., and the same names assigned inside `apply { }`; Ktor's `enabledProtocols = listOf(...)`.
(assignment
  left: (navigation_expression (identifier) @method .)
  right: (_) @value
  (#any-of? @method "enabledProtocols" "protocols")
  (#not-in-rejection-test? @value))

(assignment
  left: (identifier) @method
  right: (_) @value
  (#any-of? @method "enabledProtocols" "protocols")
  (#not-in-rejection-test? @value))

; A named argument: SslSettings(enabledProtocols = listOf("TLSv1", "TLSv1.2"))
(value_argument
  (identifier) @method
  .
  (_) @value
  .
  (#any-of? @method "enabledProtocols" "protocols" "tlsVersions")
  (#not-in-rejection-test? @value))

; Apache HttpClient: SSLConnectionSocketFactory(sslContext, arrayOf("TLSv1"), null, verifier);
; HttpClient 5 DefaultClientTlsStrategy and the async SSLIOSessionStrategy take the same list.
(call_expression
  [(identifier) @class (navigation_expression (identifier) @class .)]
  (value_arguments . (value_argument) . (value_argument (_) @value .))
  (#any-of? @class "SSLConnectionSocketFactory" "DefaultClientTlsStrategy" "SSLIOSessionStrategy")
  (#not-in-rejection-test? @value))

; System.setProperty("https.protocols", "TLSv1,TLSv1.1")
(call_expression
  (navigation_expression (identifier) @class . (identifier) @method .)
  (value_arguments . (value_argument (_) @key .) . (value_argument (_) @value .))
  (#eq? @class "System")
  (#eq? @method "setProperty")
  (#string-any-of? @key "https.protocols" "jdk.tls.client.protocols" "jdk.tls.server.protocols")
  (#not-in-rejection-test? @value))

; Single-purpose constants wherever they are passed (other than to the calls above, list
; builders, comparisons and logging), assigned, initialise a property or are returned.
(call_expression
  [(identifier) @method (navigation_expression (identifier) @method .)]
  (value_arguments (value_argument (navigation_expression) @value .))
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-any-of? @method "setEnabledProtocols" "setProtocols" "protocols" "tlsVersions" "setTlsVersions" "useProtocol" "getInstance" "setProperty" "arrayOf" "listOf" "setOf" "mutableListOf" "mutableSetOf" "arrayListOf" "hashSetOf" "linkedSetOf" "listOfNotNull" "asList" "of" "singletonList" "equals" "contains" "remove" "compareTo" "assertEquals" "assertNotEquals" "assertSame" "isEqualTo" "isNotEqualTo" "shouldBe" "shouldNotBe" "println" "print" "printf" "format" "trace" "debug" "info" "warn" "error" "log")
  (#not-in-rejection-test? @value))

; ... inside a list passed to any other call: connectionSpecs(listOf(ConnectionSpec.COMPATIBLE_TLS)),
; Arrays.asList(...), EnumSet.of(...)
(call_expression
  [(identifier) @method (navigation_expression (identifier) @method .)]
  (value_arguments (value_argument
    (call_expression
      . [(identifier) @list (navigation_expression (identifier) @list .)]
      (value_arguments (value_argument (navigation_expression) @value .)))
    .))
  (#any-of? @list "arrayOf" "listOf" "setOf" "mutableListOf" "mutableSetOf" "arrayListOf" "hashSetOf" "linkedSetOf" "listOfNotNull" "asList" "of" "singletonList")
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-any-of? @method "setEnabledProtocols" "setProtocols" "protocols" "tlsVersions" "setTlsVersions" "useProtocol" "equals" "contains" "containsAll" "remove" "assertEquals" "assertNotEquals" "isEqualTo" "isNotEqualTo" "shouldBe" "shouldNotBe" "println" "print" "format" "trace" "debug" "info" "warn" "error" "log")
  (#not-in-rejection-test? @value))

; ... as a property's initialiser, alone or in a list: val spec = ConnectionSpec.COMPATIBLE_TLS
(property_declaration
  (navigation_expression) @value
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

(property_declaration
  (call_expression
    . [(identifier) @list (navigation_expression (identifier) @list .)]
    (value_arguments (value_argument (navigation_expression) @value .)))
  (#any-of? @list "arrayOf" "listOf" "setOf" "mutableListOf" "mutableSetOf" "arrayListOf" "hashSetOf" "linkedSetOf" "listOfNotNull" "asList" "of" "singletonList")
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

; ... assigned (other than to the properties above), or returned (`return X`, `return
; listOf(..., X)`, `fun f() = X`)
(assignment
  left: (_) @left
  right: (navigation_expression) @value
  (#not-match? @left "(^|\\.)(enabledProtocols|protocols)$")
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

(return_expression
  (call_expression
    . [(identifier) @list (navigation_expression (identifier) @list .)]
    (value_arguments (value_argument (navigation_expression) @value .)))
  (#any-of? @list "arrayOf" "listOf" "setOf" "mutableListOf" "mutableSetOf" "arrayListOf" "hashSetOf" "linkedSetOf" "listOfNotNull" "asList" "of" "singletonList")
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

(return_expression
  (navigation_expression) @value
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))

(function_body
  (navigation_expression) @value
  (#match? @value "(^|\\.)(TlsVersion\\.(TLS_1_0|TLS_1_1|SSL_3_0)|ConnectionSpec\\.COMPATIBLE_TLS|TLS\\.V_1_[01])$")
  (#not-in-rejection-test? @value))
