#pragma once
// Result<T>: the value of an I/O operation or the message saying why it failed.
// Loaders and parsers return it; API misuse (wrong shapes) throws std::invalid_argument instead.
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace lm {

struct Error {
    std::string message; // one line, names the file/offset/field that is wrong
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    // value()/error() throw std::logic_error when asked for the side that is not there.
    T &value() & { check(true); return std::get<T>(m_state); }
    const T &value() const & { check(true); return std::get<T>(m_state); }
    T &&value() && { check(true); return std::get<T>(std::move(m_state)); }
    const std::string &error() const { check(false); return std::get<Error>(m_state).message; }

private:
    void check(bool wantValue) const {
        if (ok() != wantValue)
            throw std::logic_error(wantValue ? "Result: value() on an error: " + std::get<Error>(m_state).message
                                             : "Result: error() on a value");
    }
    std::variant<T, Error> m_state;
};

// Result<void>: success or an error.
struct Ok {};
using Status = Result<Ok>;

inline Error makeError(std::string message) { return Error{std::move(message)}; }

} // namespace lm
