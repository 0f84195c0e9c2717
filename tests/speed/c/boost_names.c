/* Option names of a C program that spell Boost.Asio's methods: LT-C-007 is a C++ rule
 * (`files: !*.c`), so this file is not even parsed. */
enum method { sslv3, tlsv1, tlsv1_client };
int pick(void) { return tlsv1_client; }
