;;; leaklint.el --- leaklint language server for Emacs (eglot, lsp-mode) -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, tools

;;; Commentary:

;; Registers `leaklint lsp' (the leaklint language server, stdio) for
;; JavaScript and TypeScript buffers with eglot and, when it is loaded,
;; lsp-mode.  A thin client: diagnostics, quick fixes and hover all come
;; from the server.
;;
;;   (add-to-list 'load-path "/path/to/leaklint/editors/emacs")
;;   (require 'leaklint)
;;   (leaklint-eglot-setup)          ; then M-x eglot in a .js buffer
;;   ;; or, with lsp-mode:
;;   (leaklint-lsp-mode-setup)       ; then M-x lsp
;;
;; `leaklint-command' names the executable (default: "leaklint" on PATH).
;; Note that eglot runs one server per major mode and project: with another
;; JavaScript server registered, choose leaklint with C-u M-x eglot.

;;; Code:

(defgroup leaklint nil
  "The leaklint leak analyzer."
  :group 'tools
  :prefix "leaklint-")

(defcustom leaklint-command "leaklint"
  "The leaklint executable, a name on `exec-path' or an absolute path."
  :type 'string)

(defcustom leaklint-initialization-options nil
  "initializationOptions sent to the server, as a plist.
For example (:rules (:no-implicit-global \"off\") :env [\"node\"])."
  :type '(plist))

(defconst leaklint-major-modes
  '(js-mode js2-mode js-ts-mode rjsx-mode typescript-mode typescript-ts-mode
    tsx-ts-mode js-jsx-mode)
  "Major modes whose buffers leaklint analyses.")

(defun leaklint--server-command ()
  "The command line that starts the language server."
  (list leaklint-command "lsp"))

;;;###autoload
(defun leaklint-eglot-setup ()
  "Register leaklint with eglot for `leaklint-major-modes'."
  (interactive)
  (require 'eglot)
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               (cons leaklint-major-modes
                     (lambda (&rest _)
                       (append (leaklint--server-command)
                               (when leaklint-initialization-options
                                 (list :initializationOptions
                                       leaklint-initialization-options)))))))

;;;###autoload
(defun leaklint-lsp-mode-setup ()
  "Register leaklint with lsp-mode as an add-on server for JS and TS."
  (interactive)
  (require 'lsp-mode)
  (declare-function lsp-register-client "lsp-mode")
  (declare-function make-lsp-client "lsp-mode")
  (declare-function lsp-stdio-connection "lsp-mode")
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'leaklint--server-command)
    :activation-fn (lambda (_file mode) (memq mode leaklint-major-modes))
    :initialization-options (lambda () leaklint-initialization-options)
    :add-on? t
    :server-id 'leaklint)))

(provide 'leaklint)
;;; leaklint.el ends here
